import { calculated, calculationError, invalid, roundHalfUp, type Calculation, type CalculationError, type CalculatorResult } from '../shared/calculation.js';
import { toCanonical, type Quantity } from '../shared/quantity.js';
import { numberInRange } from './inputs.js';

export interface DoseToleranceInputs {
  readonly calculated: Quantity;
  readonly administered: Quantity;
  /**
   * Allowed deviation in percent of the calculated dose: symmetric (`{ percent: 10 }`) or asymmetric
   * (`{ belowPercent: 10, abovePercent: 5 }`, since an overdose is usually less tolerable). Bounds are
   * inclusive: a deviation of exactly the tolerance is within it.
   */
  readonly tolerance: { readonly percent: number } | { readonly belowPercent: number; readonly abovePercent: number };
}

export interface DoseToleranceResult {
  /** (administered − calculated) / calculated x 100, rounded to 2 decimals. */
  readonly percentDeviation: number;
  readonly withinTolerance: boolean;
  readonly direction: 'under' | 'exact' | 'over';
}

export interface DoseToleranceComponents {
  readonly unit: string;
  readonly calculatedAmount: number;
  readonly administeredAmount: number;
  readonly unroundedPercentDeviation: number;
  readonly belowPercent: number;
  readonly abovePercent: number;
}

export type DoseToleranceCheck = CalculatorResult<DoseToleranceResult, DoseToleranceInputs, DoseToleranceComponents>;

/** Deviations are compared at 1e-9 % so that 44.88 mg against 40.8 mg (exactly +10%) is not lost to binary float. */
const COMPARISON_DECIMALS = 9;

function amounts(inputs: DoseToleranceInputs, errors: CalculationError[]): { calc: number; given: number; unit: string } | undefined {
  const { calculated: calc, administered: given } = inputs;
  if (!calc) errors.push(calculationError('MISSING_MEASURE', 'calculated', 'calculated is required'));
  if (!given) errors.push(calculationError('MISSING_MEASURE', 'administered', 'administered is required'));
  if (!calc || !given) return undefined;
  // Same unit (mg, cells, mL): compare directly. Otherwise only drug amounts convert (mg, g, µg).
  if (calc.unit === given.unit && typeof calc.unit === 'string' && calc.unit !== '') return { calc: calc.value, given: given.value, unit: calc.unit };
  const c = toCanonical('drugAmount', calc, 'calculated');
  const g = toCanonical('drugAmount', given, 'administered');
  if (!c.ok) errors.push(c.error);
  if (!g.ok) errors.push(g.error);
  return c.ok && g.ok ? { calc: c.value, given: g.value, unit: c.unit } : undefined;
}

function toleranceBounds(tolerance: unknown, errors: CalculationError[]): { below: number; above: number } | undefined {
  if (typeof tolerance !== 'object' || tolerance === null) {
    errors.push(calculationError('MISSING_MEASURE', 'tolerance', 'tolerance is required ({ percent } or { belowPercent, abovePercent })'));
    return undefined;
  }
  const t = tolerance as Record<string, unknown>;
  if ('percent' in t) {
    const percent = numberInRange(t.percent, 'tolerance.percent', { min: 0, max: 100 }, errors);
    return percent === undefined ? undefined : { below: percent, above: percent };
  }
  const below = numberInRange(t.belowPercent, 'tolerance.belowPercent', { min: 0, max: 100 }, errors);
  const above = numberInRange(t.abovePercent, 'tolerance.abovePercent', { min: 0, max: 1000 }, errors);
  return below === undefined || above === undefined ? undefined : { below, above };
}

/** Percent deviation of an administered dose from the calculated one, and whether it is within tolerance. */
export function doseTolerance(inputs: DoseToleranceInputs): Calculation<DoseToleranceResult, DoseToleranceInputs, DoseToleranceComponents> {
  const errors: CalculationError[] = [];
  const found = amounts(inputs, errors);
  const calc = found && numberInRange(found.calc, 'calculated.value', { min: 0, max: Number.MAX_VALUE }, errors, { exclusiveMin: true });
  const given = found && numberInRange(found.given, 'administered.value', { min: 0, max: Number.MAX_VALUE }, errors);
  const bounds = toleranceBounds(inputs.tolerance, errors);
  if (errors.length > 0 || !found || calc === undefined || given === undefined || !bounds) return invalid(...errors);
  const { below, above } = bounds;

  const unrounded = ((given - calc) / calc) * 100;
  const compared = roundHalfUp(unrounded, COMPARISON_DECIMALS);
  return calculated({
    calculator: 'dosing.tolerance-check',
    algorithmVersion: '1.0.0',
    value: {
      percentDeviation: roundHalfUp(unrounded, 2),
      withinTolerance: compared >= -below && compared <= above,
      direction: compared < 0 ? 'under' : compared > 0 ? 'over' : 'exact',
    },
    components: { unit: found.unit, calculatedAmount: calc, administeredAmount: given, unroundedPercentDeviation: unrounded, belowPercent: below, abovePercent: above },
    inputs,
    source: 'Percent deviation from the calculated dose against the protocol tolerance (clinical-domain 4.7, deviation "dose outside spec").',
  });
}
