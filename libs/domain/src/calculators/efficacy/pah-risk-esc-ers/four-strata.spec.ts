import { grade6mwd, gradeBnp, gradeNtProBnp } from './bands.js';
import { pahFourStrataRisk, type PahRiskInput } from './four-strata.js';

const m = (value: number) => ({ value, unit: 'm' });
const ngL = (value: number) => ({ value, unit: 'ng/L' });

// BNP/NT-proBNP bands and the rounding [src: AppCardio; Respiratory Research 2022 Table 1]; WHO-FC and 6MWD bands
// [lit: Humbert 2022, unverified after search] (clinical-domain 3.9).
describe('ESC/ERS 2022 four-strata PAH follow-up risk (Humbert 2022; COMPERA 2.0)', () => {
  it.each([
    ['FC II, 6MWD 450 m, NT-proBNP 200: grades 1,1,1 → mean 1 → low', { whoFunctionalClass: 'II', sixMinuteWalkDistance: m(450), ntProBnp: ngL(200) }, 1, 'low'],
    ['FC II, 6MWD 441 m, NT-proBNP 310: 1,1,2 → 1.33 → low', { whoFunctionalClass: 'II', sixMinuteWalkDistance: m(441), ntProBnp: ngL(310) }, 4 / 3, 'low'],
    ['FC I, 6MWD 330 m, NT-proBNP 400: 1,2,2 → 1.67 → intermediate-low', { whoFunctionalClass: 'I', sixMinuteWalkDistance: m(330), ntProBnp: ngL(400) }, 5 / 3, 'intermediate-low'],
    ['FC II, 6MWD 300 m, BNP 100: 1,3,2 → 2 → intermediate-low', { whoFunctionalClass: 'II', sixMinuteWalkDistance: m(300), bnp: ngL(100) }, 2, 'intermediate-low'],
    ['FC III, 6MWD 400 m, BNP 40: 3,2,1 → 2 → intermediate-low', { whoFunctionalClass: 'III', sixMinuteWalkDistance: m(400), bnp: ngL(40) }, 2, 'intermediate-low'],
    ['FC III, 6MWD 350 m, NT-proBNP 700: 3,2,3 → 2.67 → intermediate-high', { whoFunctionalClass: 'III', sixMinuteWalkDistance: m(350), ntProBnp: ngL(700) }, 8 / 3, 'intermediate-high'],
    ['FC III, 6MWD 150 m, NT-proBNP 1200: 3,4,4 → 3.67 → high', { whoFunctionalClass: 'III', sixMinuteWalkDistance: m(150), ntProBnp: ngL(1200) }, 11 / 3, 'high'],
    ['FC IV, 6MWD 100 m, BNP 900 pg/mL: 4,4,4 → high', { whoFunctionalClass: 'IV', sixMinuteWalkDistance: m(100), bnp: { value: 900, unit: 'pg/mL' } }, 4, 'high'],
    ['FC III, 6MWD 33 000 cm (330 m), BNP 300: 3,2,3 → 2.67 → intermediate-high', { whoFunctionalClass: 'III', sixMinuteWalkDistance: { value: 33000, unit: 'cm' }, bnp: ngL(300) }, 8 / 3, 'intermediate-high'],
  ])('%s', (_title, input, mean, stratum) => {
    const result = pahFourStrataRisk(input as PahRiskInput);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(stratum);
    expect(result.result.components.mean).toBeCloseTo(mean, 12);
  });

  // With two variables a mean of x.5 occurs and rounds up (COMPERA 2.0 bands 1.5-2.4, 2.5-3.4, 3.5-4.0) [src].
  it.each([
    ['FC I + 6MWD 330 m: 1,2 → 1.5 → 2 intermediate-low', { whoFunctionalClass: 'I', sixMinuteWalkDistance: m(330) }, 'intermediate-low'],
    ['FC III + 6MWD 320 m: 3,2 → 2.5 → 3 intermediate-high', { whoFunctionalClass: 'III', sixMinuteWalkDistance: m(320) }, 'intermediate-high'],
    ['FC IV + NT-proBNP 700: 4,3 → 3.5 → 4 high', { whoFunctionalClass: 'IV', ntProBnp: ngL(700) }, 'high'],
    ['6MWD 450 m + BNP 60: 1,2 → 1.5 → 2', { sixMinuteWalkDistance: m(450), bnp: ngL(60) }, 'intermediate-low'],
  ])('two of three variables accepted when the protocol allows: %s', (_title, input, stratum) => {
    const result = pahFourStrataRisk(input as PahRiskInput, { minimumVariables: 2 });
    expect(result.ok && result.result.value).toBe(stratum);
  });

  it.each([
    [441, 1],
    [440.5, 1],
    [440, 2],
    [320, 2],
    [319.5, 3],
    [165, 3],
    [164, 4],
  ])('6MWD %d m → %i [lit]', (metres, grade) => expect(grade6mwd(metres)).toBe(grade));

  it.each([
    [49, 1],
    [50, 2],
    [199, 2],
    [200, 3],
    [800, 3],
    [801, 4],
  ])('BNP %d ng/L → %i [src]', (value, grade) => expect(gradeBnp(value)).toBe(grade));

  it.each([
    [299, 1],
    [300, 2],
    [649, 2],
    [650, 3],
    [1100, 3],
    [1101, 4],
  ])('NT-proBNP %d ng/L → %i [src]', (value, grade) => expect(gradeNtProBnp(value)).toBe(grade));

  it.each([
    ['WHO-FC V', { whoFunctionalClass: 'V', sixMinuteWalkDistance: m(400), bnp: ngL(40) }, [['INVALID_VALUE', 'whoFunctionalClass']]],
    ['a 6MWD in minutes', { whoFunctionalClass: 'II', sixMinuteWalkDistance: { value: 6, unit: 'min' }, bnp: ngL(40) }, [['WRONG_UNIT', 'sixMinuteWalkDistance.unit']]],
    ['a negative 6MWD', { whoFunctionalClass: 'II', sixMinuteWalkDistance: m(-5), bnp: ngL(40) }, [['OUT_OF_RANGE', 'sixMinuteWalkDistance.value']]],
    ['no natriuretic peptide', { whoFunctionalClass: 'II', sixMinuteWalkDistance: m(400) }, [['MISSING_MEASURE', 'ntProBnp']]],
    ['both BNP and NT-proBNP', { whoFunctionalClass: 'II', sixMinuteWalkDistance: m(400), bnp: ngL(40), ntProBnp: ngL(200) }, [['INVALID_VALUE', 'ntProBnp']]],
    ['NT-proBNP in pmol/L', { whoFunctionalClass: 'II', sixMinuteWalkDistance: m(400), ntProBnp: { value: 30, unit: 'pmol/L' } }, [['WRONG_UNIT', 'ntProBnp.unit']]],
    ['nothing at all', {}, [['MISSING_MEASURE', 'whoFunctionalClass'], ['MISSING_MEASURE', 'sixMinuteWalkDistance'], ['MISSING_MEASURE', 'ntProBnp']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = pahFourStrataRisk(input as unknown as PahRiskInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it('rejects a single variable even when two are allowed', () => {
    const result = pahFourStrataRisk({ whoFunctionalClass: 'II' }, { minimumVariables: 2 });
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual([['MISSING_MEASURE', 'input']]);
  });
});
