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
import { WEIGHT_BASES, WEIGHT_BASIS_SOURCE, weightForBasis, type WeightBasis } from './body-weight.js';
import { canonicalInRange, decimalsParameter, numberInRange, oneOf, PLAUSIBLE, type Sex } from './inputs.js';

/**
 * Equation form. `conventional` converts creatinine to mg/dL (1 mg/dL = 88.4 µmol/L) and applies
 * (140 − age) x weight / (72 x SCr) x 0.85 if female, so the answer does not depend on the unit the lab used.
 * `si-constants` is the SI form printed in many Chinese and European protocols,
 * (140 − age) x weight x 1.23 (male) or 1.04 (female) / SCr[µmol/L]; its rounded constants (88.4/72 = 1.228,
 * x 0.85 = 1.044) give results up to ~0.5% apart, which can cross a band boundary, so it is opt-in and recorded.
 */
export type CockcroftGaultForm = 'conventional' | 'si-constants';

export interface CockcroftGaultInputs {
  readonly ageYears: number;
  readonly sex: Sex;
  /** Actual (measured) body weight; the weight the equation uses is derived from it per `weightBasis`. */
  readonly weight: Quantity;
  readonly weightBasis: WeightBasis;
  /** Needed for every weight basis except `actual`. */
  readonly height?: Quantity;
  readonly serumCreatinine: Quantity;
  /** Default `conventional`. */
  readonly form?: CockcroftGaultForm;
  /** Decimal places of the reported CrCl; default 0 (labs report whole mL/min). */
  readonly decimals?: number;
  /**
   * Cockcroft-Gault was derived in adults and is not validated in children (clinical-domain 1.4.3, 1.10):
   * under 18 the calculator answers NOT_APPLICABLE (use bedside Schwartz) unless the protocol explicitly
   * opts in, and the opt-in is recorded in the inputs.
   */
  readonly allowUnder18?: boolean;
}

export interface CockcroftGaultComponents {
  readonly form: CockcroftGaultForm;
  readonly weightBasis: WeightBasis;
  readonly actualWeightKg: number;
  readonly weightUsedKg: number;
  readonly idealBodyWeightKg?: number;
  readonly serumCreatinineMgDl: number;
  readonly serumCreatinineUmolL: number;
  /** 0.85 for women in the conventional form; 1.23 / 1.04 in the SI form; 1 for men (conventional). */
  readonly sexFactor: number;
  readonly unrounded: number;
  readonly unit: 'mL/min';
}

export type CockcroftGaultResult = CalculatorResult<number, CockcroftGaultInputs, CockcroftGaultComponents>;

const SOURCE =
  'Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16:31-41 (conventional and SI forms as in clinical-domain 1.4.3).';
const UMOL_PER_MG_DL = 88.4;

/** Creatinine clearance (mL/min, not normalised to 1.73 m²) by Cockcroft-Gault. */
export function cockcroftGault(inputs: CockcroftGaultInputs): Calculation<number, CockcroftGaultInputs, CockcroftGaultComponents> {
  const errors: CalculationError[] = [];
  const age = numberInRange(inputs.ageYears, 'ageYears', PLAUSIBLE.ageYears, errors);
  const sex = oneOf<Sex>(inputs.sex, ['female', 'male'], 'sex', errors);
  const actualKg = canonicalInRange('mass', inputs.weight, 'weight', PLAUSIBLE.weightKg, errors);
  const basis = oneOf(inputs.weightBasis, WEIGHT_BASES, 'weightBasis', errors);
  const scrMgDl = canonicalInRange('creatinine', inputs.serumCreatinine, 'serumCreatinine', PLAUSIBLE.creatinineMgDl, errors);
  const form = inputs.form === undefined ? 'conventional' : oneOf<CockcroftGaultForm>(inputs.form, ['conventional', 'si-constants'], 'form', errors);
  const decimals = decimalsParameter(inputs.decimals, 'decimals', 0, errors);
  const heightNeeded = basis !== undefined && basis !== 'actual';
  const heightCm = heightNeeded ? canonicalInRange('length', inputs.height, 'height', PLAUSIBLE.heightCm, errors) : undefined;
  if (age !== undefined && age < 18 && inputs.allowUnder18 !== true) {
    errors.push(
      calculationError('NOT_APPLICABLE', 'ageYears', `Cockcroft-Gault is not validated under 18 years (age ${age}); use the bedside Schwartz eGFR or opt in with allowUnder18`),
    );
  }
  if (errors.length > 0 || age === undefined || sex === undefined || actualKg === undefined || basis === undefined || scrMgDl === undefined) {
    return invalid(...errors);
  }
  if (form === undefined || decimals === undefined) return invalid(...errors);

  const used = weightForBasis(basis, actualKg, sex, heightCm);
  const scrUmolL = scrMgDl * UMOL_PER_MG_DL;
  const sexFactor = form === 'conventional' ? (sex === 'female' ? 0.85 : 1) : sex === 'female' ? 1.04 : 1.23;
  const unrounded =
    form === 'conventional' ? (((140 - age) * used.weightKg) / (72 * scrMgDl)) * sexFactor : ((140 - age) * used.weightKg * sexFactor) / scrUmolL;

  return calculated({
    calculator: 'renal.cockcroft-gault',
    algorithmVersion: '1.0.0',
    value: roundHalfUp(unrounded, decimals),
    components: {
      form,
      weightBasis: basis,
      actualWeightKg: actualKg,
      weightUsedKg: used.weightKg,
      ...(used.idealBodyWeightKg === undefined ? {} : { idealBodyWeightKg: used.idealBodyWeightKg }),
      serumCreatinineMgDl: scrMgDl,
      serumCreatinineUmolL: scrUmolL,
      sexFactor,
      unrounded,
      unit: 'mL/min',
    },
    inputs,
    source: basis === 'actual' ? SOURCE : `${SOURCE} ${WEIGHT_BASIS_SOURCE}`,
  });
}
