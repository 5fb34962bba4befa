import { calculationError, type CalculationError } from '../shared/calculation.js';
import type { IsoInstant } from '../../shared/time.js';

/**
 * Input checks for the toxicity calculators. The generic number and code checks are the dosing ones (one
 * definition of "out of range"); instants are checked here because only grading works on time series.
 */
export { numberInRange, oneOf } from '../dosing/inputs.js';

/** Optional yes/no flag: absent means false; anything but a boolean is an error. */
export function flag(value: unknown, field: string, errors: CalculationError[]): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be true or false`));
    return false;
  }
  return value;
}

/** An ISO-8601 instant with an explicit offset or Z, as milliseconds since the epoch. */
export function instant(value: unknown, field: string, errors: CalculationError[]): number | undefined {
  if (value === undefined || value === null) {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required`));
    return undefined;
  }
  // A local time without offset would be read in the server's zone: refuse it rather than guess.
  const ms = typeof value === 'string' && /(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    errors.push(calculationError('INVALID_VALUE', field, `${field} must be an ISO-8601 instant with offset, e.g. 2025-03-01T08:00:00Z`));
    return undefined;
  }
  return ms;
}

export type { IsoInstant };
