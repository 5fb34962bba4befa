import type { Sex } from './inputs.js';

/**
 * Which body weight a renal-function equation uses is protocol-specific (clinical-domain 1.4.3 [?]), so it is
 * an explicit input and is recorded with the result. Ideal and adjusted weights are not defined in the
 * reference; they follow the definitions most pharmacy SOPs use:
 * - ideal body weight (Devine BJ. Drug Intell Clin Pharm 1974;8:650-5): 50 kg (male) or 45.5 kg (female)
 *   + 2.3 kg per inch of height over 60 in. Below 60 in the line is extended downwards (no floor), which is
 *   why paediatric calculators never use it;
 * - adjusted body weight: IBW + 0.4 x (actual − IBW), the 0.4 factor of the aminoglycoside/pharmacokinetic
 *   literature [lit].
 */
export type WeightBasis = 'actual' | 'ideal-devine' | 'adjusted-devine-0.4' | 'lesser-of-actual-and-ideal-devine';
export const WEIGHT_BASES: readonly WeightBasis[] = ['actual', 'ideal-devine', 'adjusted-devine-0.4', 'lesser-of-actual-and-ideal-devine'];

export const WEIGHT_BASIS_SOURCE =
  'Ideal body weight: Devine BJ, Drug Intell Clin Pharm 1974;8:650-5. Adjusted body weight: IBW + 0.4 x (actual − IBW) [lit].';

const CM_PER_INCH = 2.54;

export const idealBodyWeightDevineKg = (sex: Sex, heightCm: number): number =>
  (sex === 'male' ? 50 : 45.5) + 2.3 * (heightCm / CM_PER_INCH - 60);

export interface WeightUsed {
  readonly weightKg: number;
  readonly idealBodyWeightKg?: number;
}

/** The weight the equation uses under `basis`; `heightCm` is needed for every basis except `actual`. */
export function weightForBasis(basis: WeightBasis, actualKg: number, sex: Sex, heightCm: number | undefined): WeightUsed {
  if (basis === 'actual' || heightCm === undefined) return { weightKg: actualKg };
  const ideal = idealBodyWeightDevineKg(sex, heightCm);
  switch (basis) {
    case 'ideal-devine':
      return { weightKg: ideal, idealBodyWeightKg: ideal };
    case 'adjusted-devine-0.4':
      return { weightKg: ideal + 0.4 * (actualKg - ideal), idealBodyWeightKg: ideal };
    case 'lesser-of-actual-and-ideal-devine':
      return { weightKg: Math.min(actualKg, ideal), idealBodyWeightKg: ideal };
  }
}
