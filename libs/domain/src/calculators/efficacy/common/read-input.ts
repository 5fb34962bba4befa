import { calculationError, roundHalfUp, type CalculationError } from '../../shared/calculation.js';
import { toCanonical, type Dimension, type Quantity } from '../../shared/quantity.js';

/**
 * Defensive readers for calculator inputs. Inputs arrive from forms and APIs, so the TypeScript types are a
 * promise, not a guarantee: every reader checks the runtime value, appends a typed error naming the field,
 * and returns undefined, so a calculator can report every bad field at once instead of the first.
 */
export type Errors = CalculationError[];

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Strictly greater than 0 (a denominator, or a concentration that cannot be zero). */
  readonly positive?: boolean;
  /** Appended to the out-of-range message, e.g. the instrument's scale. */
  readonly scale?: string;
}

export function readNumber(value: unknown, field: string, rule: NumberRule, errors: Errors): number | undefined {
  if (isAbsent(value)) {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required`));
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be a finite number`));
    return undefined;
  }
  if (rule.integer === true && !Number.isInteger(value)) {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be a whole number`));
    return undefined;
  }
  return checkRange(value, field, rule, errors) ? value : undefined;
}

function checkRange(value: number, field: string, rule: NumberRule, errors: Errors): boolean {
  if (rule.positive === true && value <= 0) {
    errors.push(calculationError('OUT_OF_RANGE', field, `${field} = ${value} must be greater than 0`));
    return false;
  }
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
    const range = `${rule.min ?? '-∞'}-${rule.max ?? '∞'}`;
    errors.push(calculationError('OUT_OF_RANGE', field, `${field} = ${value} is outside ${range}${rule.scale ? ` (${rule.scale})` : ''}`));
    return false;
  }
  return true;
}

export function readBoolean(value: unknown, field: string, errors: Errors): boolean | undefined {
  if (isAbsent(value)) {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required (true or false)`));
    return undefined;
  }
  if (typeof value !== 'boolean') {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be true or false`));
    return undefined;
  }
  return value;
}

export function readChoice<T extends string>(value: unknown, field: string, allowed: readonly T[], errors: Errors): T | undefined {
  if (isAbsent(value)) {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required`));
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be one of ${allowed.join(', ')}`));
    return undefined;
  }
  return value as T;
}

/** Converts to the dimension's canonical unit; a missing quantity, bad value or foreign unit becomes an error. */
export function readQuantity(dimension: Dimension, quantity: unknown, field: string, errors: Errors, rule: NumberRule = {}): number | undefined {
  if (!isAbsent(quantity) && typeof quantity !== 'object') {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be a quantity { value, unit }`));
    return undefined;
  }
  const converted = toCanonical(dimension, (quantity ?? undefined) as Quantity | undefined, field);
  if (!converted.ok) {
    errors.push(converted.error);
    return undefined;
  }
  // The rule applies to the value as entered, in its own unit (used for sign checks, which no conversion changes).
  return checkRange((quantity as Quantity).value, `${field}.value`, rule, errors) ? converted.value : undefined;
}

/**
 * Reads a record of item scores keyed by the instrument's item ids: every listed item must be present and in
 * range, and a key the instrument does not define is an error (a misspelt item would otherwise be ignored and
 * the total silently understated).
 */
export function readItemScores<K extends string>(
  items: unknown,
  field: string,
  keys: readonly K[],
  rule: NumberRule,
  errors: Errors,
): Record<K, number> | undefined {
  if (isAbsent(items) || typeof items !== 'object') {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required: ${keys.join(', ')}`));
    return undefined;
  }
  const record = items as Record<string, unknown>;
  const before = errors.length;
  for (const key of Object.keys(record)) {
    if (!(keys as readonly string[]).includes(key)) errors.push(calculationError('INVALID_VALUE', `${field}.${key}`, `${key} is not an item of this instrument`));
  }
  const scores = {} as Record<K, number>;
  for (const key of keys) {
    const score = readNumber(record[key], `${field}.${key}`, rule, errors);
    if (score !== undefined) scores[key] = score;
  }
  return errors.length === before ? scores : undefined;
}

/**
 * Removes binary floating-point noise before a threshold comparison (1.2 − 0.9 is 0.29999999999999993 in
 * IEEE-754, which would turn a PGA worsening of exactly 0.3 into "less than 0.3"). Nine decimals is far finer
 * than any clinical measurement, so no real difference is ever erased. Components keep the raw value.
 */
export const settle = (value: number): number => roundHalfUp(value, 9);
