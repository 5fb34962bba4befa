import { bvasV3, compareBvasV3, type BvasV3Input } from './bvas-v3.js';
import { BVAS_V3_ITEMS } from './items.js';

const N = 'new-or-worse';
const P = 'persistent';

const everyItem = (status: 'persistent' | 'new-or-worse'): Record<string, string> =>
  Object.fromEntries(
    [...BVAS_V3_ITEMS.entries()]
      .filter(([id, { item }]) => !['creatinine250to499', 'creatinineAtLeast500'].includes(id) && (status === N || item.persistent !== null))
      .map(([id]) => [id, status]),
  );

// Weights marked [src] in items.ts come from the BVAS v3 form and BVAS 2003 glossary copies; the rest (e.g. mononeuritis
// multiplex 9, ENT/Chest/Abdominal/Renal/Nervous maxima) are [lit: Mukhtyar 2009, not re-read] (clinical-domain 3.10).
describe('BVAS v3 (Mukhtyar 2009)', () => {
  // Weights and caps: clinical-domain 3.10 and items.ts; each system is capped at its maximum before summing.
  it.each([
    ['no active item → 0', { firstAssessment: true, items: {} }, 0, 'no-active-disease'],
    ['respiratory failure new/worse 6 [src: BVAS 2003 glossary] → 6', { firstAssessment: false, items: { respiratoryFailure: N } }, 6, N],
    ['respiratory failure persistent 4 [src: BVAS 2003 glossary] → capped at the Chest persistent maximum 3 [lit]', { firstAssessment: false, items: { respiratoryFailure: P } }, 3, P],
    ['gangrene new/worse 6 = the whole Cutaneous maximum [src] → 6', { firstAssessment: false, items: { gangrene: N } }, 6, N],
    [
      'first visit: General 2+2+1 → cap 3; Cutaneous 6+4 → cap 6; Renal 6+4+5 → cap 12 → 21',
      { firstAssessment: true, items: { fever: N, weightLoss: N, myalgia: N, gangrene: N, ulcer: N, haematuria: N, proteinuria: N, creatinine250to499: N } },
      21,
      N,
    ],
    [
      'persistent only: General 1+2 → cap 2; Renal 1+2+3 = 6; ENT sinus 1 → 9',
      { firstAssessment: false, items: { arthralgiaOrArthritis: P, fever: P, hypertension: P, proteinuria: P, haematuria: P, paranasalSinusInvolvement: P } },
      9,
      P,
    ],
    ['one new item puts the whole form on the new/worse scale: arthralgia 1 + mononeuritis multiplex 9 → 10', { firstAssessment: false, items: { arthralgiaOrArthritis: P, mononeuritisMultiplex: N } }, 10, N],
    ['Cardiovascular: pericarditis 3 + loss of pulses 4 → cap 6 → 6', { firstAssessment: false, items: { pericarditis: N, lossOfPulses: N } }, 6, N],
    ['every item new/worse reaches the 63 maximum', { firstAssessment: true, items: everyItem(N) }, 63, N],
    ['every persistable item persistent reaches the 33 maximum', { firstAssessment: true, items: everyItem(P) }, 33, P],
  ])('%s', (_title, input, total, scale) => {
    const result = bvasV3(input as BvasV3Input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(total);
    expect(result.result.components.scale).toBe(scale);
  });

  it('records the per-system sums and caps', () => {
    const result = bvasV3({ firstAssessment: false, items: { pericarditis: N, lossOfPulses: N } });
    expect(result.ok && result.result.components.systems.find((s) => s.system === 'cardiovascular')).toEqual({
      system: 'cardiovascular',
      items: [
        { item: 'lossOfPulses', weight: 4 },
        { item: 'pericarditis', weight: 3 },
      ],
      sum: 7,
      max: 6,
      score: 6,
    });
  });

  it.each([
    ['an unknown item', { firstAssessment: true, items: { nosebleed: N } }, [['INVALID_VALUE', 'items.nosebleed']]],
    ['an unknown status', { firstAssessment: true, items: { fever: 'better' } }, [['INVALID_VALUE', 'items.fever']]],
    ['sudden visual loss as persistent (asterisked item, form rule 5)', { firstAssessment: false, items: { suddenVisualLoss: P } }, [['INVALID_VALUE', 'items.suddenVisualLoss']]],
    ['a creatinine band after the first assessment (form rule 4)', { firstAssessment: false, items: { creatinine125to249: N } }, [['NOT_APPLICABLE', 'items.creatinine125to249']]],
    ['two creatinine bands', { firstAssessment: true, items: { creatinine125to249: N, creatinineAtLeast500: N } }, [['INVALID_VALUE', 'items']]],
    ['no first-assessment flag', { items: { fever: N } }, [['MISSING_MEASURE', 'firstAssessment']]],
    ['no items record', { firstAssessment: true }, [['MISSING_MEASURE', 'items']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = bvasV3(input as unknown as BvasV3Input);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it.each([
    [20, 10, -10, -50],
    [0, 2, 2, undefined],
  ])('compares %i → %i: change %i, %% change %s', (baseline, followUp, change, percent) => {
    const result = compareBvasV3(baseline, followUp);
    expect(result.ok && result.result.value).toEqual({ baseline, followUp, absoluteChange: change, percentChange: percent });
  });
});
