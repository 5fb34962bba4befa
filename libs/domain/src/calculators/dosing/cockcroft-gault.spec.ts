import { cockcroftGault, type CockcroftGaultInputs } from './cockcroft-gault.js';

const kg = (value: number) => ({ value, unit: 'kg' });
const mgdl = (value: number) => ({ value, unit: 'mg/dL' });
const umol = (value: number) => ({ value, unit: 'µmol/L' });

const female30 = { ageYears: 30, sex: 'female', weight: kg(60), weightBasis: 'actual' } as const;

describe('creatinine clearance, Cockcroft-Gault 1976 [lit]', () => {
  it.each<[string, CockcroftGaultInputs, number, number]>([
    // clinical-domain 1.4.3 worked example: 110 x 60 / (72 x 0.8) x 0.85 = 6600 / 57.6 x 0.85 = 97.396 -> 97
    ['female 30 y 60 kg SCr 0.8 mg/dL ≈ 97 mL/min (reference worked example)', { ...female30, serumCreatinine: mgdl(0.8) }, 97, 97.3958],
    // same patient in SI units: 0.8 mg/dL x 88.4 = 70.72 µmol/L, converted back -> identical 97.396
    ['same patient, SCr 70.72 µmol/L (converted, conventional form) = 97', { ...female30, serumCreatinine: umol(70.72) }, 97, 97.3958],
    ['same patient, SCr 70.72 umol/L (ASCII unit) = 97', { ...female30, serumCreatinine: { value: 70.72, unit: 'umol/L' } }, 97, 97.3958],
    // reference rounds to ≈71 µmol/L: 71 / 88.4 = 0.80317 mg/dL -> 6600 / 57.828 x 0.85 = 97.012 -> 97
    ['same patient, SCr 71 µmol/L (conventional form) = 97', { ...female30, serumCreatinine: umol(71) }, 97, 97.0117],
    // SI form printed in the reference: 110 x 60 x 1.04 / 71 = 6864 / 71 = 96.676 -> 97
    ['same patient, SCr 71 µmol/L (SI constants 1.04) = 97', { ...female30, serumCreatinine: umol(71), form: 'si-constants' }, 97, 96.6761],
    // 75 x 80 / (72 x 1.2) = 6000 / 86.4 = 69.444 -> 69
    ['male 65 y 80 kg SCr 1.2 mg/dL = 69', { ageYears: 65, sex: 'male', weight: kg(80), weightBasis: 'actual', serumCreatinine: mgdl(1.2) }, 69, 69.4444],
    // 90 x 70 / (72 x 1.2) = 72.917 -> 73 from 106.08 µmol/L (= 1.2 mg/dL)
    ['male 50 y 70 kg SCr 106.08 µmol/L (conventional) = 73', { ageYears: 50, sex: 'male', weight: kg(70), weightBasis: 'actual', serumCreatinine: umol(106.08) }, 73, 72.9167],
    // SI form: 90 x 70 x 1.23 / 106.08 = 7749 / 106.08 = 73.049 -> 73
    ['male 50 y 70 kg SCr 106.08 µmol/L (SI constants 1.23) = 73', { ageYears: 50, sex: 'male', weight: kg(70), weightBasis: 'actual', serumCreatinine: umol(106.08), form: 'si-constants' }, 73, 73.0486],
    // boundary case for the renal bands: 60 x 36 / (72 x 1.0) = 30.0 exactly
    ['male 80 y 36 kg SCr 1.0 mg/dL = exactly 30', { ageYears: 80, sex: 'male', weight: kg(36), weightBasis: 'actual', serumCreatinine: mgdl(1.0) }, 30, 30],
    ['one decimal when the protocol asks: 97.4', { ...female30, serumCreatinine: mgdl(0.8), decimals: 1 }, 97.4, 97.3958],
  ])('%s', (_title, inputs, expected, unrounded) => {
    const outcome = cockcroftGault(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components.unrounded).toBeCloseTo(unrounded, 3);
    expect(outcome.result.components.unit).toBe('mL/min');
    expect(outcome.result.calculator).toBe('renal.cockcroft-gault');
    expect(outcome.result.inputs).toEqual(inputs);
  });

  // Ideal body weight (Devine 1974) and adjusted weight (IBW + 0.4 x excess) [lit]; not defined in the reference.
  const male175 = { ageYears: 40, sex: 'male', weight: kg(100), height: { value: 175, unit: 'cm' }, serumCreatinine: mgdl(1.0) } as const;
  it.each<[string, CockcroftGaultInputs, number, number]>([
    // actual: 100 x 100 / 72 = 138.89 -> 139
    ['actual weight 100 kg -> 139', { ...male175, weightBasis: 'actual' }, 139, 100],
    // IBW = 50 + 2.3 x (175/2.54 − 60) = 50 + 2.3 x 8.8976 = 70.465 kg -> 100 x 70.465 / 72 = 97.87 -> 98
    ['ideal weight (Devine) 70.5 kg -> 98', { ...male175, weightBasis: 'ideal-devine' }, 98, 70.4646],
    // adjusted = 70.465 + 0.4 x 29.535 = 82.279 kg -> 100 x 82.279 / 72 = 114.28 -> 114
    ['adjusted weight (IBW + 0.4 excess) 82.3 kg -> 114', { ...male175, weightBasis: 'adjusted-devine-0.4' }, 114, 82.2787],
    ['lesser of actual and ideal -> ideal -> 98', { ...male175, weightBasis: 'lesser-of-actual-and-ideal-devine' }, 98, 70.4646],
    // female 160 cm: IBW = 45.5 + 2.3 x (62.992 − 60) = 52.382 kg < 60 kg actual -> 110 x 52.382 / 57.6 x 0.85 = 85.03 -> 85
    ['female 160 cm 60 kg, lesser of actual and ideal -> 85', { ...female30, height: { value: 160, unit: 'cm' }, serumCreatinine: mgdl(0.8), weightBasis: 'lesser-of-actual-and-ideal-devine' }, 85, 52.3819],
  ])('weight basis: %s', (_title, inputs, expected, weightUsed) => {
    const outcome = cockcroftGault(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components.weightUsedKg).toBeCloseTo(weightUsed, 3);
    expect(outcome.result.components.weightBasis).toBe(inputs.weightBasis);
  });

  it('a 17-year-old is NOT_APPLICABLE (use bedside Schwartz) unless the protocol opts in', () => {
    const teen = { ageYears: 17, sex: 'male', weight: kg(60), weightBasis: 'actual', serumCreatinine: mgdl(0.8) } as const;
    const refused = cockcroftGault(teen);
    expect(refused).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'NOT_APPLICABLE', field: 'ageYears' })] });
    // 123 x 60 / 57.6 = 128.125 -> 128
    const optedIn = cockcroftGault({ ...teen, allowUnder18: true });
    expect(optedIn.ok && optedIn.result.value).toBe(128);
  });

  it('an 18-year-old is an adult for Cockcroft-Gault', () => {
    expect(cockcroftGault({ ageYears: 18, sex: 'male', weight: kg(60), weightBasis: 'actual', serumCreatinine: mgdl(1) }).ok).toBe(true);
  });

  it.each([
    ['creatinine without a known unit (mmol/L)', { ...female30, serumCreatinine: { value: 0.07, unit: 'mmol/L' } }, [['WRONG_UNIT', 'serumCreatinine.unit']]],
    ['creatinine in µmol/L labelled mg/dL (80 mg/dL)', { ...female30, serumCreatinine: mgdl(80) }, [['OUT_OF_RANGE', 'serumCreatinine.value']]],
    ['missing creatinine', female30, [['MISSING_MEASURE', 'serumCreatinine']]],
    ['missing sex', { ageYears: 30, weight: kg(60), weightBasis: 'actual', serumCreatinine: mgdl(0.8) }, [['MISSING_MEASURE', 'sex']]],
    ['unknown sex code', { ...female30, sex: 'F', serumCreatinine: mgdl(0.8) }, [['INVALID_VALUE', 'sex']]],
    ['unknown weight basis', { ...female30, weightBasis: 'lean', serumCreatinine: mgdl(0.8) }, [['INVALID_VALUE', 'weightBasis']]],
    ['ideal weight without height', { ...female30, weightBasis: 'ideal-devine', serumCreatinine: mgdl(0.8) }, [['MISSING_MEASURE', 'height']]],
    ['unknown equation form', { ...female30, serumCreatinine: mgdl(0.8), form: 'mdrd' }, [['INVALID_VALUE', 'form']]],
    ['negative age', { ...female30, ageYears: -1, serumCreatinine: mgdl(0.8) }, [['OUT_OF_RANGE', 'ageYears']]],
    [
      'every bad field at once',
      { ageYears: 'thirty', sex: 'female', weight: { value: 60, unit: 'stone' }, weightBasis: 'actual', serumCreatinine: mgdl(0) },
      [['INVALID_VALUE', 'ageYears'], ['WRONG_UNIT', 'weight.unit'], ['OUT_OF_RANGE', 'serumCreatinine.value']],
    ],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = cockcroftGault(inputs as unknown as CockcroftGaultInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
