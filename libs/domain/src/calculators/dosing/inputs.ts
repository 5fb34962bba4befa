import { calculationError, type CalculationError } from '../shared/calculation.js';
import { toCanonical, type Dimension, type Quantity } from '../shared/quantity.js';

/**
 * Input checks shared by the dosing calculators. Each check appends to an error list instead of throwing, so
 * a calculator reports every bad field of a request at once (a pharmacist fixes a form in one pass).
 */

export type Sex = 'female' | 'male';

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Physiological plausibility limits. They reject unit slips (a weight of 60 000 entered in grams but labelled
 * kg, a creatinine in µmol/L labelled mg/dL) rather than define normal ranges; trial 2 enrols from age 3, so the
 * lower limits allow small children.
 */
export const PLAUSIBLE = {
  heightCm: { min: 30, max: 250 },
  weightKg: { min: 1, max: 350 },
  ageYears: { min: 0, max: 120 },
  creatinineMgDl: { min: 0.1, max: 25 },
  bsaM2: { min: 0.1, max: 4 },
} as const satisfies Record<string, Bounds>;

const describe = (b: Bounds, unit: string): string => `${b.min}-${b.max}${unit ? ` ${unit}` : ''}`;

/** Converts a quantity to its canonical unit and checks it against `bounds` (in that canonical unit). */
export function canonicalInRange(
  dimension: Dimension,
  quantity: Quantity | undefined,
  field: string,
  bounds: Bounds,
  errors: CalculationError[],
): number | undefined {
  const converted = toCanonical(dimension, quantity, field);
  if (!converted.ok) {
    errors.push(converted.error);
    return undefined;
  }
  if (converted.value < bounds.min || converted.value > bounds.max) {
    errors.push(
      calculationError('OUT_OF_RANGE', `${field}.value`, `${field} must be within ${describe(bounds, converted.unit)} (got ${converted.value} ${converted.unit})`),
    );
    return undefined;
  }
  return converted.value;
}

/** A bare number (no unit by nature, e.g. age in years, a percentage) that must lie within `bounds`. */
export function numberInRange(
  value: unknown,
  field: string,
  bounds: Bounds,
  errors: CalculationError[],
  options: { readonly integer?: boolean; readonly required?: boolean; readonly exclusiveMin?: boolean } = {},
): number | undefined {
  if (value === undefined || value === null) {
    if (options.required !== false) errors.push(calculationError('MISSING_MEASURE', field, `${field} is required`));
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be a finite number`));
    return undefined;
  }
  if (options.integer && !Number.isInteger(value)) {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be a whole number`));
    return undefined;
  }
  const belowMin = options.exclusiveMin ? value <= bounds.min : value < bounds.min;
  if (belowMin || value > bounds.max) {
    const lower = options.exclusiveMin ? `greater than ${bounds.min}` : `at least ${bounds.min}`;
    errors.push(calculationError('OUT_OF_RANGE', field, `${field} must be ${lower} and at most ${bounds.max} (got ${value})`));
    return undefined;
  }
  return value;
}

/** One of a closed set of codes (sex, formula, category). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, errors: CalculationError[]): T | undefined {
  if (value === undefined || value === null) {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required`));
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be one of ${allowed.join(', ')} (got ${String(value)})`));
    return undefined;
  }
  return value as T;
}

/** Rounding precision given as a parameter: 0-6 decimal places. */
export const decimalsParameter = (value: unknown, field: string, fallback: number, errors: CalculationError[]): number | undefined =>
  value === undefined ? fallback : numberInRange(value, field, { min: 0, max: 6 }, errors, { integer: true });
