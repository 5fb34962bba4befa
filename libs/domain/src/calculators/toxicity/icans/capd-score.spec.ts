import { capdScore, type CapdInputs } from './capd-score.js';

const calm: CapdInputs = {
  eyeContact: 'always',
  purposefulActions: 'always',
  awareOfSurroundings: 'always',
  communicatesNeeds: 'always',
  restless: 'never',
  inconsolable: 'never',
  underactive: 'never',
  slowToRespond: 'never',
};

// Traube 2014 CAPD [src: clinical-domain 2.4]: items 1-4 reverse-scored (never = 4), items 5-8 direct (always = 4); ≥9 delirium.
describe('CAPD score', () => {
  it.each<[string, CapdInputs, number, boolean]>([
    ['no delirium features = 0', calm, 0, false],
    ['worst answers on every item = 32', { eyeContact: 'never', purposefulActions: 'never', awareOfSurroundings: 'never', communicatesNeeds: 'never', restless: 'always', inconsolable: 'always', underactive: 'always', slowToRespond: 'always' }, 32, true],
    // eye contact sometimes (2) + purposeful rarely (3) + restless sometimes (2) + slow often (3) = 10 -> positive
    ['2 + 3 + 2 + 3 = 10, screens positive', { ...calm, eyeContact: 'sometimes', purposefulActions: 'rarely', restless: 'sometimes', slowToRespond: 'often' }, 10, true],
    // eye contact rarely (3) + aware sometimes (2) + inconsolable sometimes (2) + underactive rarely (1) = 8 -> below cut-off
    ['3 + 2 + 2 + 1 = 8, below the cut-off', { ...calm, eyeContact: 'rarely', awareOfSurroundings: 'sometimes', inconsolable: 'sometimes', underactive: 'rarely' }, 8, false],
    // 8 + communicates needs often (1) = 9 -> exactly the cut-off
    ['9 exactly screens positive', { ...calm, eyeContact: 'rarely', awareOfSurroundings: 'sometimes', inconsolable: 'sometimes', underactive: 'rarely', communicatesNeeds: 'often' }, 9, true],
  ])('%s', (_title, inputs, expected, positive) => {
    const outcome = capdScore(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components.screensPositiveForDelirium).toBe(positive);
  });

  it('rejects unknown answers and missing items, naming each', () => {
    const outcome = capdScore({ ...calm, restless: 'very', slowToRespond: undefined } as unknown as CapdInputs);
    expect(!outcome.ok && outcome.errors.map((e) => [e.code, e.field])).toEqual([['INVALID_VALUE', 'restless'], ['MISSING_MEASURE', 'slowToRespond']]);
  });
});
