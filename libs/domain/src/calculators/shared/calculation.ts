/**
 * Conventions shared by every clinical calculator (dosing, toxicity grading, efficacy instruments).
 *
 * A calculator is a pure function of explicit inputs. It never returns a bare number: its result carries
 * the value (score, grade, dose), the component values it was derived from, the calculator's id and
 * algorithm version, the inputs as given, and the published source, so that a result can be re-derived
 * later and a rescore under a new algorithm version is a new event, never an edit.
 * Invalid or incomplete input yields typed errors naming each field, never a number.
 */

export type CalculationErrorCode =
  /** A required measure or item is absent. */
  | 'MISSING_MEASURE'
  /** A value lies outside what the instrument or physiology allows (item score 4 on a 0-3 item, negative weight). */
  | 'OUT_OF_RANGE'
  /** A quantity came in a unit the calculator does not accept, or without a unit. */
  | 'WRONG_UNIT'
  /** The value has the wrong shape or type. */
  | 'INVALID_VALUE'
  /** The inputs are valid but the rule does not apply to them (e.g. Cockcroft-Gault for a child). */
  | 'NOT_APPLICABLE';

export interface CalculationError {
  readonly code: CalculationErrorCode;
  /** Path of the offending input, e.g. `serumCreatinine.unit` or `items.handGrip`. */
  readonly field: string;
  readonly message: string;
}

export interface CalculatorResult<Value, Inputs = unknown, Components extends object = Record<string, unknown>> {
  /** Stable calculator id, e.g. `bsa.mosteller`, `crs.astct`, `sledai-2k`. */
  readonly calculator: string;
  /** Bumped whenever the computation can change for the same inputs. */
  readonly algorithmVersion: string;
  readonly value: Value;
  /** What the value was derived from (items, sub-scores, bands applied, rounding performed). */
  readonly components: Components;
  readonly inputs: Inputs;
  /** Published definition the algorithm follows. */
  readonly source: string;
}

export type Calculation<Value, Inputs = unknown, Components extends object = Record<string, unknown>> =
  | { readonly ok: true; readonly result: CalculatorResult<Value, Inputs, Components> }
  | { readonly ok: false; readonly errors: readonly CalculationError[] };

export const calculated = <Value, Inputs, Components extends object>(
  result: CalculatorResult<Value, Inputs, Components>,
): Calculation<Value, Inputs, Components> => ({ ok: true, result });

export const invalid = <Value = never, Inputs = never, Components extends object = never>(
  ...errors: CalculationError[]
): Calculation<Value, Inputs, Components> => ({ ok: false, errors });

export const calculationError = (code: CalculationErrorCode, field: string, message: string): CalculationError => ({ code, field, message });

/** Rounds half away from zero to `decimals` places (pharmacy and CRF convention, unlike banker's rounding). */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
}
