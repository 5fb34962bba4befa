import { calculated, calculationError, invalid, type Calculation, type CalculationError, type CalculatorResult } from '../shared/calculation.js';
import {
  bandFor,
  fludarabineRuleSetRefSchema,
  resolveFludarabineRuleSet,
  type FludarabineRenalRuleSet,
  type FludarabineRuleSetRef,
} from './fludarabine-rule-sets.js';
import { numberInRange, oneOf, PLAUSIBLE } from './inputs.js';
import { convertRenalFunction, RENAL_FUNCTION_METHODS, renalFunctionUnit, type RenalFunction, type RenalFunctionUnit } from './renal-function.js';
import { schemaErrors } from './schema-errors.js';

export interface FludarabineRenalAdjustmentInputs {
  /** A built-in rule-set id (`us-generic-injection-label`, `us-fludara-label`, `eu-smpc-ebmt-2024`) or a protocol-defined set. */
  readonly ruleSet: FludarabineRuleSetRef;
  readonly renalFunction: RenalFunction;
  /** The regimen's unadjusted dose (e.g. 25 or 30 mg/m²/day). */
  readonly standardDoseMgPerM2: number;
  /**
   * Converts between mL/min and mL/min/1.73 m² when the renal function is not in the rule set's unit.
   * Without it a unit mismatch is an error: the units differ by BSA/1.73 and are never assumed equal.
   */
  readonly bsaM2ForUnitConversion?: number;
}

/** "Do not give" carries no number, so it can never be mistaken for a dose. */
export type FludarabineDecision =
  | { readonly kind: 'full-dose'; readonly doseMgPerM2: number; readonly reductionPercent: 0 }
  | { readonly kind: 'reduced'; readonly doseMgPerM2: number; readonly reductionPercent: number }
  | { readonly kind: 'do-not-give' };

export interface FludarabineRenalComponents {
  readonly ruleSetId: string;
  readonly band: string;
  /** The value compared with the bands, in the rule set's unit. */
  readonly comparedValue: number;
  readonly comparedUnit: RenalFunctionUnit;
  readonly convertedWithBsaM2?: number;
  readonly note?: string;
}

export type FludarabineRenalResult = CalculatorResult<FludarabineDecision, FludarabineRenalAdjustmentInputs, FludarabineRenalComponents>;

function parseRuleSet(ref: unknown, errors: CalculationError[]): FludarabineRenalRuleSet | undefined {
  if (ref === undefined) {
    errors.push(calculationError('MISSING_MEASURE', 'ruleSet', 'ruleSet is required (a built-in id or a protocol-defined rule set)'));
    return undefined;
  }
  const parsed = fludarabineRuleSetRefSchema.safeParse(ref);
  if (!parsed.success) {
    errors.push(...(typeof ref === 'string' ? [calculationError('INVALID_VALUE', 'ruleSet', `unknown fludarabine rule set '${ref}'`)] : schemaErrors('ruleSet', parsed.error)));
    return undefined;
  }
  return resolveFludarabineRuleSet(parsed.data);
}

/** Fludarabine dose per m² after renal adjustment under a named rule set, or "do not give". */
export function fludarabineRenalAdjustment(
  inputs: FludarabineRenalAdjustmentInputs,
): Calculation<FludarabineDecision, FludarabineRenalAdjustmentInputs, FludarabineRenalComponents> {
  const errors: CalculationError[] = [];
  const ruleSet = parseRuleSet(inputs.ruleSet, errors);
  const standard = numberInRange(inputs.standardDoseMgPerM2, 'standardDoseMgPerM2', { min: 0, max: 100 }, errors, { exclusiveMin: true });
  const rf = inputs.renalFunction;
  if (rf === undefined || rf === null) errors.push(calculationError('MISSING_MEASURE', 'renalFunction', 'renalFunction is required'));
  const value = rf ? numberInRange(rf.value, 'renalFunction.value', { min: 0, max: 400 }, errors) : undefined;
  const unit = rf ? renalFunctionUnit(rf.unit) : undefined;
  if (rf && unit === undefined) {
    errors.push(calculationError('WRONG_UNIT', 'renalFunction.unit', `renalFunction unit '${String(rf.unit)}' is not accepted; use mL/min or mL/min/1.73m²`));
  }
  const method = rf ? oneOf(rf.method, RENAL_FUNCTION_METHODS, 'renalFunction.method', errors) : undefined;
  const bsa =
    inputs.bsaM2ForUnitConversion === undefined ? undefined : numberInRange(inputs.bsaM2ForUnitConversion, 'bsaM2ForUnitConversion', PLAUSIBLE.bsaM2, errors);
  if (ruleSet && method && ruleSet.acceptedMethods && !ruleSet.acceptedMethods.includes(method)) {
    errors.push(
      calculationError('NOT_APPLICABLE', 'renalFunction.method', `${ruleSet.id} is defined on ${ruleSet.acceptedMethods.join(' or ')} clearance, not ${method}`),
    );
  }
  if (ruleSet && unit && unit !== ruleSet.unit && inputs.bsaM2ForUnitConversion === undefined) {
    errors.push(
      calculationError('WRONG_UNIT', 'renalFunction.unit', `${ruleSet.id} bands are in ${ruleSet.unit} but the renal function is in ${unit}; give bsaM2ForUnitConversion to convert`),
    );
  }
  if (errors.length > 0 || !ruleSet || standard === undefined || value === undefined || unit === undefined) return invalid(...errors);

  const converted = unit !== ruleSet.unit && bsa !== undefined;
  const comparedValue = converted ? convertRenalFunction(value, unit, ruleSet.unit, bsa) : value;
  const band = bandFor(ruleSet, comparedValue);
  if (band === undefined) return invalid(calculationError('OUT_OF_RANGE', 'renalFunction.value', `no band of ${ruleSet.id} covers ${comparedValue}`));

  const action = band.action;
  const decision: FludarabineDecision =
    action.kind === 'do-not-give'
      ? { kind: 'do-not-give' }
      : action.kind === 'full-dose'
        ? { kind: 'full-dose', doseMgPerM2: standard, reductionPercent: 0 }
        : { kind: 'reduced', doseMgPerM2: (standard * (100 - action.percent)) / 100, reductionPercent: action.percent };
  return calculated({
    calculator: 'dosing.fludarabine-renal-adjustment',
    algorithmVersion: '1.0.0',
    value: decision,
    components: {
      ruleSetId: ruleSet.id,
      band: band.label,
      comparedValue,
      comparedUnit: ruleSet.unit,
      ...(converted ? { convertedWithBsaM2: bsa } : {}),
      ...(ruleSet.note === undefined ? {} : { note: ruleSet.note }),
    },
    inputs,
    source: ruleSet.source,
  });
}
