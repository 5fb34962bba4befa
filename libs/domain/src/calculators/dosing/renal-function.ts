import type { CockcroftGaultResult } from './cockcroft-gault.js';
import type { BedsideSchwartzResult } from './schwartz.js';

/**
 * A renal-function value as a dosing rule consumes it. The unit matters: Cockcroft-Gault gives mL/min (not
 * normalised), Schwartz and the US generic fludarabine label use mL/min/1.73 m² (clinical-domain 1.4.3), and
 * the two differ by the factor BSA/1.73, i.e. by 6% at 1.63 m².
 */
export const RENAL_FUNCTION_UNITS = ['mL/min', 'mL/min/1.73m²'] as const;
export type RenalFunctionUnit = (typeof RENAL_FUNCTION_UNITS)[number];

export const RENAL_FUNCTION_METHODS = ['cockcroft-gault', 'schwartz-bedside', 'measured-clearance', 'other'] as const;
export type RenalFunctionMethod = (typeof RENAL_FUNCTION_METHODS)[number];

export interface RenalFunction {
  readonly value: number;
  /** `mL/min` or `mL/min/1.73m²` (also accepted: `mL/min/1.73 m²`, `mL/min/1.73m2`, `mL/min/1.73 m2`). */
  readonly unit: string;
  readonly method: RenalFunctionMethod;
}

const UNIT_ALIASES: Readonly<Record<string, RenalFunctionUnit>> = {
  'mL/min': 'mL/min',
  'mL/min/1.73m²': 'mL/min/1.73m²',
  'mL/min/1.73 m²': 'mL/min/1.73m²',
  'mL/min/1.73m2': 'mL/min/1.73m²',
  'mL/min/1.73 m2': 'mL/min/1.73m²',
};

export const renalFunctionUnit = (unit: unknown): RenalFunctionUnit | undefined => (typeof unit === 'string' ? UNIT_ALIASES[unit] : undefined);

/**
 * Converts between normalised and non-normalised clearance. Only done when the caller supplies the BSA
 * explicitly; a unit mismatch is never silently ignored.
 */
export const convertRenalFunction = (value: number, from: RenalFunctionUnit, to: RenalFunctionUnit, bsaM2: number): number =>
  from === to ? value : to === 'mL/min/1.73m²' ? (value * 1.73) / bsaM2 : (value * bsaM2) / 1.73;

/**
 * The renal function a calculator result stands for. `reported` uses the rounded value as the lab or CRF shows
 * it; `unrounded` the exact one. Which one a band rule compares is a protocol decision (a CrCl of 29.6 reported
 * as 30 changes "do not give" into a reduced dose), so callers choose explicitly.
 */
export function renalFunctionFrom(result: CockcroftGaultResult | BedsideSchwartzResult, use: 'reported' | 'unrounded'): RenalFunction {
  const value = use === 'reported' ? result.value : result.components.unrounded;
  return result.calculator === 'renal.cockcroft-gault'
    ? { value, unit: 'mL/min', method: 'cockcroft-gault' }
    : { value, unit: 'mL/min/1.73m²', method: 'schwartz-bedside' };
}
