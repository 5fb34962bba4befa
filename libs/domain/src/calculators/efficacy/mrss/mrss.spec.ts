import { compareMrss, mrss, MRSS_SITES, type MrssInput, type MrssSite } from './mrss.js';

const sites = (scores: Partial<Record<MrssSite, number>>, fill = 0): MrssInput =>
  ({ sites: { ...Object.fromEntries(MRSS_SITES.map((s) => [s, fill])), ...scores } }) as MrssInput;

// 17 sites, 0-3 each, total 0-51: clinical-domain 3.8 [seed] [lit: Clements 1995; Khanna 2017 standardisation].
describe('modified Rodnan skin score (Clements 1995)', () => {
  it.each([
    ['all 17 sites normal → 0', sites({}), 0],
    ['all 17 sites severe: 17 × 3 → 51', sites({}, 3), 51],
    ['diffuse pattern: fingers 3+3, hands 2+2, forearms 2+1, face 1 → 14', sites({ fingersRight: 3, fingersLeft: 3, dorsumHandRight: 2, dorsumHandLeft: 2, forearmRight: 2, forearmLeft: 1, face: 1 }), 14],
    ['every site mild: 17 × 1 → 17', sites({}, 1), 17],
    ['one site at the upper item bound → 3', sites({ abdomen: 3 }), 3],
  ])('%s', (_title, input, total) => {
    const result = mrss(input);
    expect(result.ok && result.result.value).toBe(total);
    expect(result.ok && result.result.calculator).toBe('mrss');
  });

  it.each([
    ['a site scored 4', sites({ face: 4 }), [['OUT_OF_RANGE', 'sites.face']]],
    ['a negative site score', sites({ thighLeft: -1 }), [['OUT_OF_RANGE', 'sites.thighLeft']]],
    ['a half point', sites({ abdomen: 1.5 }), [['INVALID_VALUE', 'sites.abdomen']]],
    ['a missing site', { sites: { ...sites({}).sites, dorsumFootLeft: undefined } }, [['MISSING_MEASURE', 'sites.dorsumFootLeft']]],
    ['an unknown site', { sites: { ...sites({}).sites, back: 1 } }, [['INVALID_VALUE', 'sites.back']]],
    ['no sites', {}, [['MISSING_MEASURE', 'sites']]],
    ['several bad sites', sites({ face: 5, abdomen: -2 }), [['OUT_OF_RANGE', 'sites.face'], ['OUT_OF_RANGE', 'sites.abdomen']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = mrss(input as unknown as MrssInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it.each([
    [20, 15, -5, -25],
    [0, 3, 3, undefined],
  ])('compares %i → %i: change %i, %% change %s', (baseline, followUp, change, percent) => {
    const result = compareMrss(baseline, followUp);
    expect(result.ok && result.result.value).toEqual({ baseline, followUp, absoluteChange: change, percentChange: percent });
  });

  it('compare rejects a total above 51', () => {
    const result = compareMrss(52, 10);
    expect(!result.ok && result.errors[0]?.code).toBe('OUT_OF_RANGE');
  });
});
