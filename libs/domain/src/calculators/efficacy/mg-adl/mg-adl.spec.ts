import { compareMgAdl, mgAdl, MG_ADL_ITEMS, type MgAdlInput, type MgAdlItem } from './mg-adl.js';

const items = (scores: Partial<Record<MgAdlItem, number>>, fill = 0): MgAdlInput =>
  ({ items: { ...Object.fromEntries(MG_ADL_ITEMS.map((i) => [i, fill])), ...scores } }) as MgAdlInput;

describe('MG-ADL (Wolfe 1999)', () => {
  it.each([
    ['all items normal (lower bound 0) → 0', items({}), 0, 0],
    ['all items at the upper bound 3 → 24 (ocular 6)', items({}, 3), 24, 6],
    ['ocular MG: double vision daily 2, ptosis constant 3 → 5 (ocular 5)', items({ doubleVision: 2, eyelidDroop: 3 }), 5, 5],
    ['generalised: talking 1, chewing 2, swallowing 1, breathing 1, rising 2, ptosis 1 → 8 (ocular 1)', items({ talking: 1, chewing: 2, swallowing: 1, breathing: 1, risingFromChair: 2, eyelidDroop: 1 }), 8, 1],
  ])('%s', (_title, input, total, ocular) => {
    const result = mgAdl(input);
    expect(result.ok && result.result.value).toBe(total);
    expect(result.ok && result.result.components.ocular).toBe(ocular);
  });

  it.each([
    ['an item scored 4 (just above the bound)', items({ chewing: 4 }), [['OUT_OF_RANGE', 'items.chewing']]],
    ['an item scored -1 (just below the bound)', items({ breathing: -1 }), [['OUT_OF_RANGE', 'items.breathing']]],
    ['a fractional item', items({ talking: 0.5 }), [['INVALID_VALUE', 'items.talking']]],
    ['a text item', items({ swallowing: '2' as unknown as number }), [['INVALID_VALUE', 'items.swallowing']]],
    ['a missing item', { items: { ...items({}).items, eyelidDroop: undefined } }, [['MISSING_MEASURE', 'items.eyelidDroop']]],
    ['an unknown item', { items: { ...items({}).items, walking: 1 } }, [['INVALID_VALUE', 'items.walking']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = mgAdl(input as unknown as MgAdlInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  // ≥2-point fall is clinically meaningful [src: MG United, clinical-domain 3.11].
  it.each([
    [8, 6, -2, -25, true],
    [8, 7, -1, -12.5, false],
    [5, 7, 2, 40, false],
    [0, 0, 0, undefined, false],
  ])('compares %i → %i: change %i, %% %s, meaningful improvement %s', (baseline, followUp, change, percent, meaningful) => {
    const result = compareMgAdl(baseline, followUp);
    if (!result.ok) throw new Error('expected a comparison');
    expect(result.result.value).toEqual({ baseline, followUp, absoluteChange: change, percentChange: percent });
    expect(result.result.components.meaningfulImprovement?.met).toBe(meaningful);
  });
});
