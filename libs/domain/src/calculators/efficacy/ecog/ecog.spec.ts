import { ecogPerformanceStatus, type EcogInput } from './ecog.js';

describe('ECOG performance status (Oken 1982)', () => {
  it.each([
    [0, 'Fully active'],
    [1, 'Restricted in physically strenuous activity'],
    [2, 'Ambulatory and capable of all self-care'],
    [3, 'limited self-care'],
    [4, 'Completely disabled'],
    [5, 'Dead'],
  ])('ECOG %i is described as "%s…"', (score, description) => {
    const result = ecogPerformanceStatus({ score } as EcogInput);
    expect(result.ok && result.result.value).toBe(score);
    expect(result.ok && result.result.components.description).toContain(description);
  });

  it.each([
    [6, 'OUT_OF_RANGE'],
    [-1, 'OUT_OF_RANGE'],
    [1.5, 'INVALID_VALUE'],
    ['2', 'INVALID_VALUE'],
    [undefined, 'MISSING_MEASURE'],
  ])('rejects %p with %s', (score, code) => {
    const result = ecogPerformanceStatus({ score } as unknown as EcogInput);
    expect(!result.ok && result.errors).toEqual([expect.objectContaining({ code, field: 'score' })]);
  });
});
