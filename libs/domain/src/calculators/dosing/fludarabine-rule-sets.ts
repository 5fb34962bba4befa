import { z } from 'zod';
import { RENAL_FUNCTION_METHODS, RENAL_FUNCTION_UNITS } from './renal-function.js';

/**
 * Fludarabine renal dose-adjustment rule sets as data. Sources disagree (clinical-domain 1.4.3, section 6 row 7),
 * so a protocol names one of the built-in sets by id or defines its own with the same schema. Bands are
 * intervals with explicit inclusivity and must cover 0 to infinity without gap or overlap, so every CrCl,
 * including non-integers such as 79.5, falls in exactly one band.
 */

const boundSchema = z.strictObject({ value: z.number().min(0), inclusive: z.boolean() });

export const fludarabineRenalActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('full-dose') }),
  z.strictObject({ kind: z.literal('reduce'), percent: z.number().gt(0).lt(100) }),
  z.strictObject({ kind: z.literal('do-not-give') }),
]);

export const fludarabineRenalBandSchema = z.strictObject({
  label: z.string().min(1),
  /** Absent = from 0. */
  lower: boundSchema.optional(),
  /** Absent = no upper limit. */
  upper: boundSchema.optional(),
  action: fludarabineRenalActionSchema,
});

export const fludarabineRenalRuleSetSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,63}$/),
    source: z.string().min(1),
    /** The unit the label's thresholds are written in. */
    unit: z.enum(RENAL_FUNCTION_UNITS),
    /** The estimation methods the label names (e.g. Fludara: Cockcroft-Gault); absent = the label names none. */
    acceptedMethods: z.array(z.enum(RENAL_FUNCTION_METHODS)).min(1).optional(),
    /** Caveat carried into every result (e.g. "up to 50%"). */
    note: z.string().min(1).optional(),
    bands: z.array(fludarabineRenalBandSchema).min(1),
  })
  .superRefine((ruleSet, ctx) => {
    const bands = ruleSet.bands;
    bands.forEach((band, i) => {
      const previous = bands[i - 1];
      if (i === 0 && band.lower !== undefined && !(band.lower.value === 0 && band.lower.inclusive)) {
        ctx.addIssue({ code: 'custom', path: ['bands', 0, 'lower'], message: 'the first band must start at 0 (inclusive) or have no lower bound' });
      }
      if (previous !== undefined) {
        const touches =
          previous.upper !== undefined &&
          band.lower !== undefined &&
          previous.upper.value === band.lower.value &&
          previous.upper.inclusive !== band.lower.inclusive;
        if (!touches) {
          ctx.addIssue({
            code: 'custom',
            path: ['bands', i, 'lower'],
            message: 'bands must be in ascending order and meet the previous band exactly (same value, exactly one side inclusive)',
          });
        }
      }
      if (band.lower !== undefined && band.upper !== undefined && band.upper.value <= band.lower.value) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'upper'], message: 'upper bound must exceed lower bound' });
      }
      if (i < bands.length - 1 && band.upper === undefined) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'upper'], message: 'only the last band may be open-ended' });
      }
      if (i === bands.length - 1 && band.upper !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'upper'], message: 'the last band must have no upper bound' });
      }
    });
  });

export type FludarabineRenalRuleSet = z.infer<typeof fludarabineRenalRuleSetSchema>;
export type FludarabineRenalBand = z.infer<typeof fludarabineRenalBandSchema>;
export type FludarabineRenalAction = z.infer<typeof fludarabineRenalActionSchema>;

export const FLUDARABINE_RULE_SET_IDS = ['us-generic-injection-label', 'us-fludara-label', 'eu-smpc-ebmt-2024'] as const;
export type FludarabineRuleSetId = (typeof FLUDARABINE_RULE_SET_IDS)[number];

const from = (value: number, inclusive: boolean) => ({ value, inclusive });

export const FLUDARABINE_RULE_SETS: Readonly<Record<FludarabineRuleSetId, FludarabineRenalRuleSet>> = {
  // "Creatinine clearance 30 to 70 mL/min/1.73 m2 ... 20% dose reduction ... should not be administered to
  // patients with severely impaired renal function (< 30)": 30 and 70 both sit in the reduced band.
  'us-generic-injection-label': {
    id: 'us-generic-injection-label',
    source: 'US fludarabine phosphate for injection USP label (Pfizer Medical Information, Dosage and Administration, renal insufficiency) [src]',
    unit: 'mL/min/1.73m²',
    bands: [
      { label: '<30', upper: from(30, false), action: { kind: 'do-not-give' } },
      { label: '30-70', lower: from(30, true), upper: from(70, true), action: { kind: 'reduce', percent: 20 } },
      { label: '>70', lower: from(70, false), action: { kind: 'full-dose' } },
    ],
  },
  // Fludara label table (CrCl by Cockcroft-Gault): ≥80 25 mg/m²; 50-79 20 mg/m²; 30-49 15 mg/m²; <30 do not
  // administer. The integer bands leave gaps (79.5); we close them downwards ([50, 80), [30, 50)), the
  // conservative reading. Reductions are expressed as 20% and 40% of the standard dose (exact at 25 mg/m²).
  'us-fludara-label': {
    id: 'us-fludara-label',
    source: 'US Fludara for injection label, starting dose adjustment for renal impairment (Drugs.com, Fludara dosage) [src]',
    unit: 'mL/min',
    acceptedMethods: ['cockcroft-gault'],
    note: 'Label doses 20 and 15 mg/m² are 20% and 40% reductions of the 25 mg/m² standard dose; applied as percentages.',
    bands: [
      { label: '<30', upper: from(30, false), action: { kind: 'do-not-give' } },
      { label: '30-49', lower: from(30, true), upper: from(50, false), action: { kind: 'reduce', percent: 40 } },
      { label: '50-79', lower: from(50, true), upper: from(80, false), action: { kind: 'reduce', percent: 20 } },
      { label: '≥80', lower: from(80, true), action: { kind: 'full-dose' } },
    ],
  },
  // EU Fludara SmPC 4.2: "If creatinine clearance is between 30 and 70 ml/min, the dose should be reduced by up
  // to 50%"; contraindicated below 30 (4.3). EBMT 2024 Table 6 defers to the local label, "i.e. 50%". We apply
  // the 50% EBMT reading to 30-70 inclusive; the reference table's "≥70 full dose" column heading conflicts at
  // exactly 70, and the SmPC wording (reduce at 70) wins.
  'eu-smpc-ebmt-2024': {
    id: 'eu-smpc-ebmt-2024',
    source: 'EU Fludara SmPC sections 4.2/4.3 and Greco R et al., EBMT/ISCT position statement, eClinicalMedicine 2024;69:102476, Table 6 [src]',
    unit: 'mL/min',
    note: 'The SmPC says "reduced by up to 50%"; EBMT 2024 reads this as 50%, which is applied. A smaller reduction needs a protocol-defined rule set.',
    bands: [
      { label: '<30', upper: from(30, false), action: { kind: 'do-not-give' } },
      { label: '30-70', lower: from(30, true), upper: from(70, true), action: { kind: 'reduce', percent: 50 } },
      { label: '>70', lower: from(70, false), action: { kind: 'full-dose' } },
    ],
  },
};

/** A rule set named by id or given in full (protocol-defined); what the regimen schema embeds. */
export const fludarabineRuleSetRefSchema = z.union([z.enum(FLUDARABINE_RULE_SET_IDS), fludarabineRenalRuleSetSchema]);
export type FludarabineRuleSetRef = z.infer<typeof fludarabineRuleSetRefSchema>;

export const resolveFludarabineRuleSet = (ref: FludarabineRuleSetRef): FludarabineRenalRuleSet =>
  typeof ref === 'string' ? FLUDARABINE_RULE_SETS[ref] : ref;

const within = (value: number, band: FludarabineRenalBand): boolean =>
  (band.lower === undefined || (band.lower.inclusive ? value >= band.lower.value : value > band.lower.value)) &&
  (band.upper === undefined || (band.upper.inclusive ? value <= band.upper.value : value < band.upper.value));

export const bandFor = (ruleSet: FludarabineRenalRuleSet, value: number): FludarabineRenalBand | undefined => ruleSet.bands.find((b) => within(value, b));
