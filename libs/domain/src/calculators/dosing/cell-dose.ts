import { calculated, calculationError, invalid, roundHalfUp, type Calculation, type CalculationError, type CalculatorResult } from '../shared/calculation.js';
import type { Quantity } from '../shared/quantity.js';
import { canonicalInRange, numberInRange, PLAUSIBLE } from './inputs.js';

/**
 * CAR-T cell dose. Doses are CAR-positive viable cells per kg unless a fixed dose is stated (clinical-domain 0.2,
 * 1.4.1: Erlangen 1×10^6 CAR+ cells/kg; KYSA-1 fixed 0.5×10^8 and 1×10^8 CAR+ cells), and per-kg doses are
 * sometimes capped at a fixed maximum for heavy adults (1.10).
 */
export type CellDoseTarget =
  | { readonly kind: 'per-kg'; readonly carPositiveCellsPerKg: number; readonly maxTotalCarPositiveCells?: number }
  | { readonly kind: 'fixed'; readonly carPositiveCells: number };

/** What was infused: a CAR+ count, or the certificate-of-analysis figures and the fraction of product infused. */
export type AdministeredCells =
  | { readonly carPositiveCells: number }
  | { readonly totalViableCells: number; readonly carPositivePercent: number; readonly fractionInfused: number };

export interface CellDoseInputs {
  readonly target: CellDoseTarget;
  /** Required for a per-kg target; the protocol decides which weight (and of which date) is used. */
  readonly weight?: Quantity;
  readonly administered?: AdministeredCells;
}

export interface CellDose {
  readonly targetCarPositiveCells: number;
  readonly administeredCarPositiveCells?: number;
  /** Administered / target x 100, one decimal. */
  readonly percentOfTarget?: number;
  /** Administered CAR+ cells per kg (when a weight is known). */
  readonly administeredCellsPerKg?: number;
}

export interface CellDoseComponents {
  readonly weightKg?: number;
  readonly uncappedTargetCarPositiveCells: number;
  readonly capApplied: boolean;
  readonly unroundedPercentOfTarget?: number;
}

export type CellDoseResult = CalculatorResult<CellDose, CellDoseInputs, CellDoseComponents>;

/** Up to 10^12 cells: an order of magnitude above any CAR-T dose, so a slip of exponent is caught. */
const CELLS = { min: 0, max: 1e12 };

function administeredCount(given: AdministeredCells | undefined, errors: CalculationError[]): number | undefined {
  if (given === undefined) return undefined;
  if ('carPositiveCells' in given) return numberInRange(given.carPositiveCells, 'administered.carPositiveCells', CELLS, errors);
  const total = numberInRange(given.totalViableCells, 'administered.totalViableCells', CELLS, errors);
  const percent = numberInRange(given.carPositivePercent, 'administered.carPositivePercent', { min: 0, max: 100 }, errors);
  const fraction = numberInRange(given.fractionInfused, 'administered.fractionInfused', { min: 0, max: 1 }, errors);
  return total === undefined || percent === undefined || fraction === undefined ? undefined : total * (percent / 100) * fraction;
}

/** Target CAR+ cells from the dose level (and weight), and the share of it actually infused. */
export function carTCellDose(inputs: CellDoseInputs): Calculation<CellDose, CellDoseInputs, CellDoseComponents> {
  const errors: CalculationError[] = [];
  const target = inputs.target;
  let uncapped: number | undefined;
  let cap: number | undefined;
  let weightKg: number | undefined;
  if (target?.kind === 'per-kg') {
    const perKg = numberInRange(target.carPositiveCellsPerKg, 'target.carPositiveCellsPerKg', { min: 0, max: 1e9 }, errors, { exclusiveMin: true });
    weightKg = canonicalInRange('mass', inputs.weight, 'weight', PLAUSIBLE.weightKg, errors);
    if (target.maxTotalCarPositiveCells !== undefined) {
      cap = numberInRange(target.maxTotalCarPositiveCells, 'target.maxTotalCarPositiveCells', CELLS, errors, { exclusiveMin: true });
    }
    uncapped = perKg !== undefined && weightKg !== undefined ? perKg * weightKg : undefined;
  } else if (target?.kind === 'fixed') {
    uncapped = numberInRange(target.carPositiveCells, 'target.carPositiveCells', CELLS, errors, { exclusiveMin: true });
    if (inputs.weight !== undefined) weightKg = canonicalInRange('mass', inputs.weight, 'weight', PLAUSIBLE.weightKg, errors);
  } else {
    errors.push(calculationError(target ? 'INVALID_VALUE' : 'MISSING_MEASURE', 'target', "target must be { kind: 'per-kg', ... } or { kind: 'fixed', ... }"));
  }
  const given = administeredCount(inputs.administered, errors);
  if (errors.length > 0 || uncapped === undefined) return invalid(...errors);

  const capApplied = cap !== undefined && uncapped > cap;
  const targetCells = Math.round(capApplied && cap !== undefined ? cap : uncapped);
  const unroundedPercent = given === undefined ? undefined : (given / targetCells) * 100;
  return calculated({
    calculator: 'dosing.car-t-cell-dose',
    algorithmVersion: '1.0.0',
    value: {
      targetCarPositiveCells: targetCells,
      ...(given === undefined ? {} : { administeredCarPositiveCells: Math.round(given) }),
      ...(unroundedPercent === undefined ? {} : { percentOfTarget: roundHalfUp(unroundedPercent, 1) }),
      ...(given === undefined || weightKg === undefined ? {} : { administeredCellsPerKg: Math.round(given / weightKg) }),
    },
    components: {
      ...(weightKg === undefined ? {} : { weightKg }),
      uncappedTargetCarPositiveCells: uncapped,
      capApplied,
      ...(unroundedPercent === undefined ? {} : { unroundedPercentOfTarget: unroundedPercent }),
    },
    inputs,
    source: 'Dose in CAR-positive viable cells per kg or fixed (clinical-domain 0.2, 1.4.1, 1.6); percent of target = administered / target.',
  });
}
