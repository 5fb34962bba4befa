import {
  calculated,
  calculationError,
  invalid,
  roundHalfUp,
  type Calculation,
  type CalculationError,
  type CalculatorResult,
} from '../shared/calculation.js';
import type { Quantity } from '../shared/quantity.js';
import { canonicalInRange, decimalsParameter, numberInRange, PLAUSIBLE } from './inputs.js';

export interface BedsideSchwartzInputs {
  readonly ageYears: number;
  readonly height: Quantity;
  /** Enzymatic (IDMS-traceable) creatinine, as in the CKiD derivation; any accepted creatinine unit. */
  readonly serumCreatinine: Quantity;
  /** Default 0. */
  readonly decimals?: number;
  /**
   * The bedside equation is for children: it was derived in CKiD participants aged 1-16 years, and the
   * reference applies it under 18 (clinical-domain 1.4.3). Outside 1 to <18 years the calculator answers
   * NOT_APPLICABLE unless the protocol opts in (recorded in the inputs).
   */
  readonly allowOutsideAgeRange?: boolean;
}

export interface BedsideSchwartzComponents {
  readonly heightCm: number;
  readonly serumCreatinineMgDl: number;
  readonly constant: 0.413;
  readonly unrounded: number;
  readonly unit: 'mL/min/1.73m²';
}

export type BedsideSchwartzResult = CalculatorResult<number, BedsideSchwartzInputs, BedsideSchwartzComponents>;

const SOURCE = 'Schwartz GJ et al. New equations to estimate GFR in children with CKD. J Am Soc Nephrol 2009;20:629-37: eGFR = 0.413 x height[cm] / SCr[mg/dL].';

/** Bedside Schwartz eGFR (mL/min/1.73 m²) for children, where Cockcroft-Gault does not apply. */
export function bedsideSchwartz(inputs: BedsideSchwartzInputs): Calculation<number, BedsideSchwartzInputs, BedsideSchwartzComponents> {
  const errors: CalculationError[] = [];
  const age = numberInRange(inputs.ageYears, 'ageYears', PLAUSIBLE.ageYears, errors);
  const heightCm = canonicalInRange('length', inputs.height, 'height', PLAUSIBLE.heightCm, errors);
  const scrMgDl = canonicalInRange('creatinine', inputs.serumCreatinine, 'serumCreatinine', PLAUSIBLE.creatinineMgDl, errors);
  const decimals = decimalsParameter(inputs.decimals, 'decimals', 0, errors);
  if (age !== undefined && (age < 1 || age >= 18) && inputs.allowOutsideAgeRange !== true) {
    errors.push(
      calculationError('NOT_APPLICABLE', 'ageYears', `bedside Schwartz applies from 1 to under 18 years (age ${age}); use Cockcroft-Gault for adults or opt in with allowOutsideAgeRange`),
    );
  }
  if (errors.length > 0 || heightCm === undefined || scrMgDl === undefined || decimals === undefined) return invalid(...errors);

  const unrounded = (0.413 * heightCm) / scrMgDl;
  return calculated({
    calculator: 'renal.schwartz-bedside',
    algorithmVersion: '1.0.0',
    value: roundHalfUp(unrounded, decimals),
    components: { heightCm, serumCreatinineMgDl: scrMgDl, constant: 0.413, unrounded, unit: 'mL/min/1.73m²' },
    inputs,
    source: SOURCE,
  });
}
