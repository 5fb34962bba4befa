import { bodySurfaceArea, duBoisBsa, mostellerBsa, type BsaFormula, type BsaInputs } from './bsa.js';

const cm = (value: number) => ({ value, unit: 'cm' });
const kg = (value: number) => ({ value, unit: 'kg' });

describe('body surface area (Mosteller 1987, Du Bois 1916) [lit]', () => {
  // Worked by hand from the published formulas; expected values rounded half-up to the stated decimals.
  it.each<[string, BsaFormula, BsaInputs, number, number]>([
    // sqrt(160 x 60 / 3600) = sqrt(2.6667) = 1.63299 -> 1.63 (clinical-domain 1.4.2 worked example)
    ['Mosteller 160 cm / 60 kg = 1.63 m² (reference worked example)', 'mosteller', { height: cm(160), weight: kg(60) }, 1.63, 1.632993],
    // sqrt(180 x 80 / 3600) = sqrt(4) = 2.00 exactly
    ['Mosteller 180 cm / 80 kg = 2.00 m²', 'mosteller', { height: cm(180), weight: kg(80) }, 2.0, 2.0],
    // child: sqrt(100 x 16 / 3600) = sqrt(0.4444) = 0.6667 -> 0.67
    ['Mosteller child 100 cm / 16 kg = 0.67 m²', 'mosteller', { height: cm(100), weight: kg(16) }, 0.67, 0.666667],
    // 3 decimals: 1.63299 -> 1.633
    ['Mosteller rounded to 3 decimals = 1.633 m²', 'mosteller', { height: cm(160), weight: kg(60), decimals: 3 }, 1.633, 1.632993],
    // units converted, never assumed: 63 in = 160.02 cm, 132 lb = 59.874 kg -> sqrt(9581.07/3600) = 1.63138 -> 1.63
    ['Mosteller from inches and pounds (63 in / 132 lb) = 1.63 m²', 'mosteller', { height: { value: 63, unit: 'in' }, weight: { value: 132, unit: 'lb' } }, 1.63, 1.631382],
    ['Mosteller from metres and grams (1.6 m / 60000 g) = 1.63 m²', 'mosteller', { height: { value: 1.6, unit: 'm' }, weight: { value: 60000, unit: 'g' } }, 1.63, 1.632993],
    // 0.007184 x 60^0.425 x 160^0.725 = 0.007184 x 5.6979 x 39.627 = 1.6221 -> 1.62
    ['Du Bois 160 cm / 60 kg = 1.62 m²', 'du-bois', { height: cm(160), weight: kg(60) }, 1.62, 1.622063],
    // 0.007184 x 80^0.425 x 180^0.725 = 1.9964 -> 2.00
    ['Du Bois 180 cm / 80 kg = 2.00 m²', 'du-bois', { height: cm(180), weight: kg(80) }, 2.0, 1.996421],
    // child: 0.007184 x 16^0.425 x 100^0.725 = 0.6578 -> 0.66
    ['Du Bois child 100 cm / 16 kg = 0.66 m²', 'du-bois', { height: cm(100), weight: kg(16) }, 0.66, 0.657836],
  ])('%s', (_title, formula, inputs, expected, unrounded) => {
    const outcome = bodySurfaceArea(formula, inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components.unroundedM2).toBeCloseTo(unrounded, 5);
    expect(outcome.result.components.capApplied).toBe(false);
    expect(outcome.result.calculator).toBe(formula === 'mosteller' ? 'bsa.mosteller' : 'bsa.du-bois');
    expect(outcome.result.algorithmVersion).toBe('1.0.0');
    expect(outcome.result.inputs).toEqual(inputs);
    expect(outcome.result.source).toMatch(formula === 'mosteller' ? /Mosteller/ : /Du Bois/);
  });

  it.each([
    // sqrt(190 x 110 / 3600) = 2.4095; capped at 2.0 -> 2.00, unrounded value kept in components
    ['cap 2.0 m² applies to 190 cm / 110 kg (2.41 m² uncapped)', 2.0, 2.0, true],
    ['cap 2.2 m² applies too', 2.2, 2.2, true],
    ['cap 2.5 m² does not apply', 2.5, 2.41, false],
  ])('%s', (_title, capM2, expected, applied) => {
    const outcome = mostellerBsa({ height: cm(190), weight: kg(110), capM2 });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components.capApplied).toBe(applied);
    expect(outcome.result.components.unroundedM2).toBeCloseTo(2.409472, 5);
  });

  it('a BSA exactly at the cap is not reported as capped', () => {
    const outcome = duBoisBsa({ height: cm(180), weight: kg(80), capM2: 2.0 });
    expect(outcome.ok && outcome.result.components.capApplied).toBe(false);
  });

  it.each([
    ['height without a unit', { height: { value: 160, unit: '' }, weight: kg(60) }, [['WRONG_UNIT', 'height.unit']]],
    ['weight in an unknown unit (stone)', { height: cm(160), weight: { value: 9, unit: 'st' } }, [['WRONG_UNIT', 'weight.unit']]],
    ['missing height', { weight: kg(60) }, [['MISSING_MEASURE', 'height']]],
    ['negative weight', { height: cm(160), weight: kg(-60) }, [['OUT_OF_RANGE', 'weight.value']]],
    ['height entered in mm but labelled cm', { height: cm(1600), weight: kg(60) }, [['OUT_OF_RANGE', 'height.value']]],
    ['weight not a number', { height: cm(160), weight: { value: Number.NaN, unit: 'kg' } }, [['INVALID_VALUE', 'weight.value']]],
    ['fractional decimals', { height: cm(160), weight: kg(60), decimals: 1.5 }, [['INVALID_VALUE', 'decimals']]],
    ['cap of zero', { height: cm(160), weight: kg(60), capM2: 0 }, [['OUT_OF_RANGE', 'capM2']]],
    ['every bad field at once', { height: { value: 160, unit: 'ft' }, weight: kg(0) }, [['WRONG_UNIT', 'height.unit'], ['OUT_OF_RANGE', 'weight.value']]],
  ])('rejects %s, naming each field', (_title, inputs, expected) => {
    const outcome = mostellerBsa(inputs as BsaInputs);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
