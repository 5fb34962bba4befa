import { describe, expect, it } from '@jest/globals';
import { median, summariseResponses, type ScoredResult } from './response-summary.js';

const SRI = { responseDefinition: 'SRI-4 SLEDAI-2K component: reduction ≥4', responseAlgorithm: 'sri-4.sledai-component@1.0.0' };
const row = (participantId: string, timepoint: string, response: string | null, change: number | null, overrides: Partial<ScoredResult> = {}): ScoredResult => ({
  participantId,
  cohortId: 'SLE',
  instrument: 'SLEDAI-2K',
  timepoint,
  timepointLabel: timepoint === 'M3' ? 'Month 3' : 'Week 4',
  nominalDay: timepoint === 'M3' ? 90 : 28,
  changeFromBaseline: change,
  response,
  ...SRI,
  ...overrides,
});

describe('summariseResponses', () => {
  it('counts responders, non-responders and not evaluable per timepoint, with the rate over all assessed and its Wilson interval', () => {
    const rows = [
      ...Array.from({ length: 8 }, (_, i) => row(`r${i}`, 'M3', 'RESPONSE', -6 - i)),
      row('n1', 'M3', 'NO_RESPONSE', -2),
      row('e1', 'M3', 'NOT_EVALUABLE', null),
      row('r0', 'D28', 'NO_RESPONSE', -2),
    ];
    const [d28, m3] = summariseResponses(rows);
    expect(d28).toMatchObject({ timepoint: 'D28', assessed: 1, responders: 0, nonResponders: 1, notEvaluable: 0, responseRate: 0, medianChangeFromBaseline: -2 });
    expect(m3).toMatchObject({ cohortId: 'SLE', instrument: 'SLEDAI-2K', timepoint: 'M3', timepointLabel: 'Month 3', assessed: 10, responders: 8, nonResponders: 1, notEvaluable: 1, responseRate: 0.8, ...SRI });
    expect(m3?.ci95?.lower).toBeCloseTo(0.4902, 4);
    expect(m3?.ci95?.upper).toBeCloseTo(0.9433, 4);
    // Changes -6…-13 and -2 (the not-evaluable one has none): nine values, the fifth smallest is -9.
    expect(m3?.medianChangeFromBaseline).toBe(-9);
  });

  it('leaves out instruments without a response definition and baseline rows, and orders by cohort, instrument, nominal day', () => {
    const lines = summariseResponses([
      row('a', 'M3', null, -3, { instrument: 'MRSS', responseDefinition: null, responseAlgorithm: null }),
      row('a', 'BASELINE', 'RESPONSE', null),
      row('b', 'M3', 'RESPONSE', -8, { cohortId: 'SLE_LN' }),
      row('c', 'M3', 'RESPONSE', -5),
      row('c', 'D28', 'NO_RESPONSE', -1),
      row('d', 'D28', 'RESPONSE', -2, { cohortId: 'MG', instrument: 'MG-ADL', responseDefinition: 'fall ≥2', responseAlgorithm: 'mg-adl.compare@1.0.0' }),
    ]);
    expect(lines.map((l) => `${l.cohortId}/${l.instrument}/${l.timepoint}:${l.responders}/${l.assessed}`)).toEqual(['MG/MG-ADL/D28:1/1', 'SLE/SLEDAI-2K/D28:0/1', 'SLE/SLEDAI-2K/M3:1/1', 'SLE_LN/SLEDAI-2K/M3:1/1']);
    expect(lines[2]?.ci95).toEqual({ lower: expect.closeTo(0.2065, 4), upper: 1 });
  });

  it('never pools results under different response definitions (a protocol amendment)', () => {
    const lines = summariseResponses([row('a', 'M3', 'RESPONSE', -4), row('b', 'M3', 'NO_RESPONSE', -5, { responseDefinition: 'reduction ≥6', responseAlgorithm: 'sri-6.sledai-component@1.0.0' })]);
    expect(lines.map((l) => [l.responseAlgorithm, l.responders, l.assessed])).toEqual([
      ['sri-4.sledai-component@1.0.0', 1, 1],
      ['sri-6.sledai-component@1.0.0', 0, 1],
    ]);
  });

  it('has no median without a change from baseline', () => {
    const [line] = summariseResponses([row('a', 'M3', 'NOT_EVALUABLE', null)]);
    expect(line).toMatchObject({ assessed: 1, notEvaluable: 1, responseRate: 0, medianChangeFromBaseline: null });
    expect(line?.ci95).toEqual({ lower: 0, upper: expect.closeTo(0.7935, 4) });
  });
});

describe('median', () => {
  it('is the middle value, the mean of the two middle ones for an even count, and null for none', () => {
    expect(median([3, -1, 2])).toBe(2);
    expect(median([4, -2, 1, 0])).toBe(0.5);
    expect(median([])).toBeNull();
  });
});
