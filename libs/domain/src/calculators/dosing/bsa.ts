import { calculated, invalid, roundHalfUp, type Calculation, type CalculationError, type CalculatorResult } from '../shared/calculation.js';
import type { Quantity } from '../shared/quantity.js';
import { canonicalInRange, decimalsParameter, numberInRange, PLAUSIBLE } from './inputs.js';

export type BsaFormula = 'mosteller' | 'du-bois';
export const BSA_FORMULAS: readonly BsaFormula[] = ['mosteller', 'du-bois'];

export interface BsaInputs {
  readonly height: Quantity;
  readonly weight: Quantity;
  /** Decimal places of the reported BSA; protocols usually round to 2 (clinical-domain 1.4.2). Default 2. */
  readonly decimals?: number;
  /** Optional protocol cap in m² (some protocols cap at 2.0-2.2 m²). Applied before rounding. */
  readonly capM2?: number;
}

export interface BsaComponents {
  readonly heightCm: number;
  readonly weightKg: number;
  /** The formula's exact value, before cap and rounding. */
  readonly unroundedM2: number;
  readonly capApplied: boolean;
  /** Value after the cap and before rounding: what a protocol dosing on unrounded BSA multiplies by. */
  readonly cappedUnroundedM2: number;
  readonly decimals: number;
  readonly unit: 'm²';
}

export type BsaResult = CalculatorResult<number, BsaInputs, BsaComponents>;

const SPEC: Record<BsaFormula, { readonly id: string; readonly source: string; readonly compute: (heightCm: number, weightKg: number) => number }> = {
  mosteller: {
    id: 'bsa.mosteller',
    source: 'Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098. BSA = sqrt(height[cm] x weight[kg] / 3600).',
    compute: (h, w) => Math.sqrt((h * w) / 3600),
  },
  'du-bois': {
    id: 'bsa.du-bois',
    source: 'Du Bois D, Du Bois EF. A formula to estimate the approximate surface area if height and weight be known. Arch Intern Med 1916;17:863-71. BSA = 0.007184 x weight[kg]^0.425 x height[cm]^0.725.',
    compute: (h, w) => 0.007184 * w ** 0.425 * h ** 0.725,
  },
};

/** Body surface area in m² by the named formula, with the protocol's rounding and optional cap. */
export function bodySurfaceArea(formula: BsaFormula, inputs: BsaInputs): Calculation<number, BsaInputs, BsaComponents> {
  const errors: CalculationError[] = [];
  const heightCm = canonicalInRange('length', inputs.height, 'height', PLAUSIBLE.heightCm, errors);
  const weightKg = canonicalInRange('mass', inputs.weight, 'weight', PLAUSIBLE.weightKg, errors);
  const decimals = decimalsParameter(inputs.decimals, 'decimals', 2, errors);
  const cap = inputs.capM2 === undefined ? undefined : numberInRange(inputs.capM2, 'capM2', PLAUSIBLE.bsaM2, errors);
  if (errors.length > 0 || heightCm === undefined || weightKg === undefined || decimals === undefined) return invalid(...errors);

  const spec = SPEC[formula];
  const unroundedM2 = spec.compute(heightCm, weightKg);
  const capApplied = cap !== undefined && unroundedM2 > cap;
  const cappedUnroundedM2 = capApplied ? cap : unroundedM2;
  return calculated({
    calculator: spec.id,
    algorithmVersion: '1.0.0',
    value: roundHalfUp(cappedUnroundedM2, decimals),
    components: { heightCm, weightKg, unroundedM2, capApplied, cappedUnroundedM2, decimals, unit: 'm²' },
    inputs,
    source: spec.source,
  });
}

export const mostellerBsa = (inputs: BsaInputs) => bodySurfaceArea('mosteller', inputs);
export const duBoisBsa = (inputs: BsaInputs) => bodySurfaceArea('du-bois', inputs);
