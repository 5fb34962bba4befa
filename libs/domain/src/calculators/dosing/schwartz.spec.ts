import { bedsideSchwartz, type BedsideSchwartzInputs } from './schwartz.js';

const cm = (value: number) => ({ value, unit: 'cm' });

describe('bedside Schwartz eGFR for children (Schwartz 2009) [lit]', () => {
  it.each<[string, BedsideSchwartzInputs, number, number]>([
    // 0.413 x 128 / 0.5 = 105.728 -> 106
    ['8 y, 128 cm, SCr 0.5 mg/dL = 106', { ageYears: 8, height: cm(128), serumCreatinine: { value: 0.5, unit: 'mg/dL' } }, 106, 105.728],
    // 0.413 x 100 / 0.3 = 137.667 -> 138 (trial 2 enrols from age 3)
    ['3 y, 100 cm, SCr 0.3 mg/dL = 138', { ageYears: 3, height: cm(100), serumCreatinine: { value: 0.3, unit: 'mg/dL' } }, 138, 137.6667],
    // 53.04 µmol/L / 88.4 = 0.6 mg/dL -> 0.413 x 150 / 0.6 = 103.25 -> 103
    ['12 y, 150 cm, SCr 53.04 µmol/L (converted) = 103', { ageYears: 12, height: cm(150), serumCreatinine: { value: 53.04, unit: 'µmol/L' } }, 103, 103.25],
    // 0.413 x 170 / 1.0 = 70.21 -> 70.2 with one decimal
    ['17 y, 1.70 m, SCr 1.0 mg/dL = 70.2 (1 decimal)', { ageYears: 17, height: { value: 1.7, unit: 'm' }, serumCreatinine: { value: 1, unit: 'mg/dL' }, decimals: 1 }, 70.2, 70.21],
  ])('%s', (_title, inputs, expected, unrounded) => {
    const outcome = bedsideSchwartz(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components.unrounded).toBeCloseTo(unrounded, 3);
    expect(outcome.result.components.unit).toBe('mL/min/1.73m²');
    expect(outcome.result.calculator).toBe('renal.schwartz-bedside');
  });

  it.each([
    ['an adult (18 y)', 18],
    ['an infant (0.5 y)', 0.5],
  ])('is NOT_APPLICABLE for %s unless the protocol opts in', (_title, ageYears) => {
    const inputs = { ageYears, height: cm(70), serumCreatinine: { value: 0.3, unit: 'mg/dL' } };
    expect(bedsideSchwartz(inputs)).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'NOT_APPLICABLE', field: 'ageYears' })] });
    expect(bedsideSchwartz({ ...inputs, allowOutsideAgeRange: true }).ok).toBe(true);
  });

  it.each([
    ['height missing', { ageYears: 8, serumCreatinine: { value: 0.5, unit: 'mg/dL' } }, [['MISSING_MEASURE', 'height']]],
    ['creatinine without unit', { ageYears: 8, height: cm(128), serumCreatinine: { value: 0.5, unit: '' } }, [['WRONG_UNIT', 'serumCreatinine.unit']]],
    ['creatinine of zero', { ageYears: 8, height: cm(128), serumCreatinine: { value: 0, unit: 'mg/dL' } }, [['OUT_OF_RANGE', 'serumCreatinine.value']]],
    ['age missing', { height: cm(128), serumCreatinine: { value: 0.5, unit: 'mg/dL' } }, [['MISSING_MEASURE', 'ageYears']]],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = bedsideSchwartz(inputs as unknown as BedsideSchwartzInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
