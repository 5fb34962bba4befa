import { calculated, calculationError, invalid, roundHalfUp, type Calculation, type CalculationError, type CalculatorResult } from '../shared/calculation.js';
import type { Quantity } from '../shared/quantity.js';
import { bodySurfaceArea } from './bsa.js';
import { fludarabineRenalAdjustment, type FludarabineDecision, type FludarabineRenalComponents } from './fludarabine-renal-adjustment.js';
import { lymphodepletionRegimenSchema, type LymphodepletionDrug, type LymphodepletionRegimenInput } from './lymphodepletion-regimen.schema.js';
import type { RenalFunction } from './renal-function.js';
import { schemaErrors } from './schema-errors.js';

export interface LymphodepletionDoseInputs {
  readonly regimen: LymphodepletionRegimenInput;
  readonly height: Quantity;
  readonly weight: Quantity;
  /** Required when a drug of the regimen is renally adjusted. */
  readonly renalFunction?: RenalFunction;
  /**
   * When the renal function is not in the rule set's unit (CG mL/min against a mL/min/1.73 m² label), convert
   * it with this participant's unrounded BSA. Off by default: the conversion is a protocol decision.
   */
  readonly convertRenalUnitWithBsa?: boolean;
}

export type DailyDose =
  | { readonly drug: string; readonly dayOffset: number; readonly status: 'give'; readonly doseMg: number; readonly doseMgPerM2: number }
  | { readonly drug: string; readonly dayOffset: number; readonly status: 'do-not-give'; readonly reason: string };

export interface LymphodepletionDoses {
  /** True when any drug must not be given: the regimen cannot proceed as written. */
  readonly doNotGive: boolean;
  readonly bsaM2: number;
  /** One entry per drug and day, by day then regimen order. */
  readonly days: readonly DailyDose[];
}

export interface DrugDoseComponents {
  readonly drug: string;
  readonly standardMgPerM2: number;
  readonly decision: FludarabineDecision | { readonly kind: 'not-renally-adjusted' };
  readonly renal?: FludarabineRenalComponents;
  readonly unroundedDailyMg?: number;
  readonly roundedDailyMg?: number;
}

export interface LymphodepletionComponents {
  readonly regimenId: string;
  readonly bsa: { readonly formula: string; readonly reportedM2: number; readonly unroundedM2: number; readonly capApplied: boolean };
  /** The BSA the doses multiply (rounded or unrounded per the regimen). */
  readonly bsaUsedM2: number;
  readonly drugs: readonly DrugDoseComponents[];
}

export type LymphodepletionResult = CalculatorResult<LymphodepletionDoses, LymphodepletionDoseInputs, LymphodepletionComponents>;

const roundDose = (mg: number, rounding: LymphodepletionDrug['rounding']): number =>
  rounding.method === 'decimals' ? roundHalfUp(mg, rounding.decimals) : roundHalfUp(roundHalfUp(mg / rounding.stepMg, 0) * rounding.stepMg, 6);

type DailyAmount = { readonly status: 'give'; readonly doseMg: number; readonly doseMgPerM2: number } | { readonly status: 'do-not-give'; readonly reason: string };
type DrugPlan = { readonly ok: true; readonly components: DrugDoseComponents; readonly daily: DailyAmount; readonly dayOffsets: readonly number[] };

function planDrug(
  drug: LymphodepletionDrug,
  bsaUsedM2: number,
  renalFunction: RenalFunction | undefined,
  conversionBsa: number | undefined,
): DrugPlan | { readonly ok: false; readonly errors: readonly CalculationError[] } {
  const base = { drug: drug.drug, standardMgPerM2: drug.doseMgPerM2PerDay };
  const dayOffsets = drug.dayOffsets;
  if (drug.renalAdjustment === undefined || renalFunction === undefined) {
    const unroundedDailyMg = drug.doseMgPerM2PerDay * bsaUsedM2;
    const doseMg = roundDose(unroundedDailyMg, drug.rounding);
    const components: DrugDoseComponents = { ...base, decision: { kind: 'not-renally-adjusted' }, unroundedDailyMg, roundedDailyMg: doseMg };
    return { ok: true, components, daily: { status: 'give', doseMg, doseMgPerM2: drug.doseMgPerM2PerDay }, dayOffsets };
  }
  const renal = fludarabineRenalAdjustment({
    ruleSet: drug.renalAdjustment.ruleSet,
    renalFunction,
    standardDoseMgPerM2: drug.doseMgPerM2PerDay,
    ...(conversionBsa === undefined ? {} : { bsaM2ForUnitConversion: conversionBsa }),
  });
  if (!renal.ok) return renal;
  const decision = renal.result.value;
  const rule = renal.result.components;
  if (decision.kind === 'do-not-give') {
    const reason = `renal function ${rule.comparedValue} ${rule.comparedUnit} is in band ${rule.band} of ${rule.ruleSetId}: do not give`;
    return { ok: true, components: { ...base, decision, renal: rule }, daily: { status: 'do-not-give', reason }, dayOffsets };
  }
  const unroundedDailyMg = decision.doseMgPerM2 * bsaUsedM2;
  const doseMg = roundDose(unroundedDailyMg, drug.rounding);
  const components: DrugDoseComponents = { ...base, decision, renal: rule, unroundedDailyMg, roundedDailyMg: doseMg };
  return { ok: true, components, daily: { status: 'give', doseMg, doseMgPerM2: decision.doseMgPerM2 }, dayOffsets };
}

/** Daily lymphodepletion doses (mg) per drug and day from a regimen, BSA and, for fludarabine, renal function. */
export function lymphodepletionDoses(inputs: LymphodepletionDoseInputs): Calculation<LymphodepletionDoses, LymphodepletionDoseInputs, LymphodepletionComponents> {
  const parsed = lymphodepletionRegimenSchema.safeParse(inputs.regimen);
  const errors: CalculationError[] = parsed.success ? [] : schemaErrors('regimen', parsed.error);
  const regimen = parsed.success ? parsed.data : undefined;
  const bsaOutcome = bodySurfaceArea(regimen?.bsa.formula ?? 'mosteller', {
    height: inputs.height,
    weight: inputs.weight,
    ...(regimen ? { decimals: regimen.bsa.decimals } : {}),
    ...(regimen?.bsa.capM2 === undefined ? {} : { capM2: regimen.bsa.capM2 }),
  });
  if (!bsaOutcome.ok) errors.push(...bsaOutcome.errors);
  const needsRenal = regimen?.drugs.some((d) => d.renalAdjustment !== undefined) ?? false;
  if (needsRenal && inputs.renalFunction === undefined) {
    errors.push(calculationError('MISSING_MEASURE', 'renalFunction', 'renalFunction is required: the regimen renally adjusts fludarabine'));
  }
  if (errors.length > 0 || !regimen || !bsaOutcome.ok) return invalid(...errors);

  const bsa = bsaOutcome.result;
  const bsaUsedM2 = regimen.bsa.doseBasis === 'rounded' ? bsa.value : bsa.components.cappedUnroundedM2;
  const conversionBsa = inputs.convertRenalUnitWithBsa ? bsa.components.cappedUnroundedM2 : undefined;
  const plans: DrugPlan[] = [];
  for (const drug of regimen.drugs) {
    const plan = planDrug(drug, bsaUsedM2, inputs.renalFunction, conversionBsa);
    if (!plan.ok) return invalid(...plan.errors);
    plans.push(plan);
  }
  const days: DailyDose[] = plans
    .flatMap((plan, order) => plan.dayOffsets.map((dayOffset) => ({ order, dayOffset, dose: { drug: plan.components.drug, dayOffset, ...plan.daily } })))
    .sort((a, b) => a.dayOffset - b.dayOffset || a.order - b.order)
    .map(({ dose }) => dose);
  const drugs = plans.map((p) => p.components);

  return calculated({
    calculator: 'dosing.lymphodepletion-daily-doses',
    algorithmVersion: '1.0.0',
    value: { doNotGive: days.some((d) => d.status === 'do-not-give'), bsaM2: bsaUsedM2, days },
    components: {
      regimenId: regimen.id,
      bsa: { formula: regimen.bsa.formula, reportedM2: bsa.value, unroundedM2: bsa.components.unroundedM2, capApplied: bsa.components.capApplied },
      bsaUsedM2,
      drugs,
    },
    inputs,
    source: `Regimen ${regimen.id} (protocol data); BSA: ${bsa.source}${drugs.some((d) => d.renal) ? '; renal adjustment per the named fludarabine rule set' : ''}`,
  });
}
