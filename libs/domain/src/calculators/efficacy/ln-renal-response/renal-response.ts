import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { toCanonical, type Quantity } from '../../shared/quantity.js';
import { readQuantity, settle, type Errors } from '../common/read-input.js';
import { defaultLnRenalResponseCriteria, lnRenalResponseCriteriaSchema, type LnRenalResponseCriteria } from './criteria.schema.js';

export const LN_RENAL_RESPONSE_SOURCE =
  'KDIGO 2024 Clinical Practice Guideline for the Management of Lupus Nephritis, Kidney Int 2024 (response definitions via secondary summary, clinical-domain 3.7)';

export type LnRenalResponse = 'complete' | 'partial' | 'none';

export interface LnRenalResponseInput {
  /** Urine protein-to-creatinine ratio (24-h collection preferred): g/g, mg/mg, mg/g, mg/mmol, g/mmol. */
  readonly baselineUpcr: Quantity;
  readonly upcr: Quantity;
  /** eGFR by the protocol's equation (CKD-EPI 2021 adults; bedside Schwartz children), mL/min/1.73m². */
  readonly baselineEgfr: Quantity;
  readonly egfr: Quantity;
  /** Rescue therapy makes the assessment non-response, as trials add to KDIGO [lit]. */
  readonly rescueTherapy?: boolean;
}

export interface LnRenalResponseComponents {
  readonly criteria: LnRenalResponseCriteria;
  readonly upcrGPerG: { readonly baseline: number; readonly followUp: number; readonly reductionPercent: number };
  readonly egfr: { readonly baseline: number; readonly followUp: number; readonly declinePercent: number; readonly stable: boolean };
  readonly completeUpcr: boolean;
  readonly partialUpcr: boolean;
  readonly rescueTherapy: boolean;
}

const gPerG = (q: Quantity): number => {
  const converted = toCanonical('upcr', q, 'criteria');
  return converted.ok ? converted.value : Number.NaN;
};

/**
 * Adult definitions. Children are often judged on 24-h proteinuria per m² or per kg instead [?]; that variant is
 * not encoded here (clinical-domain 3.7).
 */
export function lnRenalResponse(input: LnRenalResponseInput, criteria: LnRenalResponseCriteria = defaultLnRenalResponseCriteria): Calculation<LnRenalResponse, LnRenalResponseInput, LnRenalResponseComponents> {
  const parsed = lnRenalResponseCriteriaSchema.safeParse(criteria);
  if (!parsed.success) return invalid(...parsed.error.issues.map((i) => calculationError('INVALID_VALUE', ['criteria', ...i.path].join('.'), i.message)));
  const c = parsed.data;
  const errors: Errors = [];
  const baselineUpcr = readQuantity('upcr', input?.baselineUpcr, 'baselineUpcr', errors, { positive: true });
  const upcr = readQuantity('upcr', input?.upcr, 'upcr', errors, { min: 0 });
  const baselineEgfr = readQuantity('egfr', input?.baselineEgfr, 'baselineEgfr', errors, { positive: true });
  const egfr = readQuantity('egfr', input?.egfr, 'egfr', errors, { min: 0 });
  const rescue = input?.rescueTherapy ?? false;
  if (typeof rescue !== 'boolean') errors.push(calculationError('INVALID_VALUE', 'rescueTherapy', 'rescueTherapy must be true or false'));
  if (errors.length > 0 || baselineUpcr === undefined || upcr === undefined || baselineEgfr === undefined || egfr === undefined) return invalid(...errors);

  const reductionPercent = ((baselineUpcr - upcr) * 100) / baselineUpcr;
  const declinePercent = ((baselineEgfr - egfr) * 100) / baselineEgfr;
  const stable = settle(declinePercent) <= c.maxEgfrDeclinePercent;
  const completeUpcr = settle(upcr) < settle(gPerG(c.completeResponseUpcrBelow));
  const partialUpcr = settle(reductionPercent) >= c.partialResponseMinReductionPercent && settle(upcr) < settle(gPerG(c.partialResponseUpcrBelow));
  const value: LnRenalResponse = rescue || !stable ? 'none' : completeUpcr ? 'complete' : partialUpcr ? 'partial' : 'none';

  return calculated({
    calculator: 'ln-renal-response',
    algorithmVersion: '1.0.0',
    value,
    components: {
      criteria: c,
      upcrGPerG: { baseline: baselineUpcr, followUp: upcr, reductionPercent },
      egfr: { baseline: baselineEgfr, followUp: egfr, declinePercent, stable },
      completeUpcr,
      partialUpcr,
      rescueTherapy: rescue,
    },
    inputs: input,
    source: LN_RENAL_RESPONSE_SOURCE,
  });
}
