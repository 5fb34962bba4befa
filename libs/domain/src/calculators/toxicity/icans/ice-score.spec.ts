import { iceScore, type IceScoreInputs } from './ice-score.js';

const full: IceScoreInputs = { orientation: 4, naming: 3, followingCommands: 1, writing: 1, attention: 1 };

// ICE domains and points: Lee 2019 [src: clinical-domain 2.3].
describe('ICE score', () => {
  it.each<[string, IceScoreInputs, number]>([
    ['all tasks correct = 10 (normal)', full, 10],
    ['misses the year and one object = 8', { ...full, orientation: 3, naming: 2 }, 8],
    ['cannot write or count backwards = 8', { ...full, writing: 0, attention: 0 }, 8],
    ['oriented only, names nothing, no commands = 4', { orientation: 4, naming: 0, followingCommands: 0, writing: 0, attention: 0 }, 4],
    ['global aphasia = 0', { orientation: 0, naming: 0, followingCommands: 0, writing: 0, attention: 0 }, 0],
  ])('%s', (_title, inputs, expected) => {
    const outcome = iceScore(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toBe(expected);
    expect(outcome.result.components).toEqual(inputs);
    expect(outcome.result.calculator).toBe('ice.score');
  });

  it.each([
    ['orientation 5 (max 4)', { ...full, orientation: 5 }, [['OUT_OF_RANGE', 'orientation']]],
    ['naming 1.5', { ...full, naming: 1.5 }, [['INVALID_VALUE', 'naming']]],
    ['a missing writing task', { ...full, writing: undefined }, [['MISSING_MEASURE', 'writing']]],
    ['negative attention and commands 2', { ...full, attention: -1, followingCommands: 2 }, [['OUT_OF_RANGE', 'followingCommands'], ['OUT_OF_RANGE', 'attention']]],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = iceScore(inputs as IceScoreInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
