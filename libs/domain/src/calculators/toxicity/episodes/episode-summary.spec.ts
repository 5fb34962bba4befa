import { summariseEpisodes, type EpisodeSummaryInputs, type GradedAssessment } from './episode-summary.js';

const at = (local: string) => `${local}:00+08:00`;
const series: GradedAssessment[] = [
  { at: at('2025-03-10T20:00'), grade: 0 },
  { at: at('2025-03-11T02:00'), grade: 1 },
  { at: at('2025-03-11T14:00'), grade: 2 },
  { at: at('2025-03-12T06:00'), grade: 3 },
  { at: at('2025-03-12T18:00'), grade: 2 },
  { at: at('2025-03-13T10:00'), grade: 0 },
  { at: at('2025-03-20T10:00'), grade: 1 },
  { at: at('2025-03-21T10:00'), grade: 1 },
];
const base: EpisodeSummaryInputs = { toxicity: 'crs', infusionAt: at('2025-03-10T14:00'), timeZone: 'Asia/Shanghai', dayNumbering: 'infusion-day-0', assessments: series };

function summary(inputs: EpisodeSummaryInputs) {
  const outcome = summariseEpisodes(inputs);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

// Episode projection per clinical-domain 2.2 software note; day numbering per 0.2. Hours worked by hand from the timestamps.
describe('CRS/ICANS episode summary', () => {
  it('summarises a resolved grade-3 episode and an unresolved grade-1 one', () => {
    const result = summary(base);
    expect(result.value.maxGrade).toBe(3);
    expect(result.value.episodes).toEqual([
      {
        id: 'crs-episode-1',
        toxicity: 'crs',
        onsetAt: at('2025-03-11T02:00'),
        onsetDay: 1,
        // 14:00 -> 02:00 next day
        hoursFromInfusionToOnset: 12,
        maxGrade: 3,
        maxGradeAt: at('2025-03-12T06:00'),
        lastGrade: 0,
        lastAssessedAt: at('2025-03-13T10:00'),
        resolved: true,
        fatal: false,
        resolvedAt: at('2025-03-13T10:00'),
        resolutionDay: 3,
        // 11 Mar 02:00 -> 13 Mar 10:00 = 56 h = 2.33 days
        durationHours: 56,
        durationDays: 2.3,
        // ≥1: 56 h; ≥2: 11 Mar 14:00 -> 13 Mar 10:00 = 44 h; ≥3: 12 Mar 06:00 -> 18:00 = 12 h
        hoursAtOrAboveGrade: { 1: 56, 2: 44, 3: 12, 4: 0, 5: 0 },
      },
      {
        id: 'crs-episode-2',
        toxicity: 'crs',
        onsetAt: at('2025-03-20T10:00'),
        onsetDay: 10,
        hoursFromInfusionToOnset: 236,
        maxGrade: 1,
        maxGradeAt: at('2025-03-20T10:00'),
        lastGrade: 1,
        lastAssessedAt: at('2025-03-21T10:00'),
        resolved: false,
        fatal: false,
        hoursAtOrAboveGrade: { 1: 24, 2: 0, 3: 0, 4: 0, 5: 0 },
      },
    ]);
    expect(result.calculator).toBe('crs.episode-summary');
  });

  it('numbers onset days from Day 1 when the protocol calls the infusion day Day 1', () => {
    const result = summary({ ...base, dayNumbering: 'infusion-day-1' });
    expect(result.value.episodes.map((e) => [e.onsetDay, e.resolutionDay])).toEqual([[2, 4], [11, undefined]]);
  });

  it('accepts assessments out of order', () => {
    expect(summary({ ...base, assessments: [...series].reverse() }).value).toEqual(summary(base).value);
  });

  it('ends an episode at grade 5 as fatal, never resolved', () => {
    const result = summary({
      ...base,
      toxicity: 'icans',
      assessments: [
        { at: at('2025-03-15T08:00'), grade: 3 },
        { at: at('2025-03-15T20:00'), grade: 4 },
        { at: at('2025-03-16T04:00'), grade: 5 },
      ],
    });
    const [episode] = result.value.episodes;
    expect(episode).toMatchObject({ id: 'icans-episode-1', maxGrade: 5, fatal: true, resolved: false, onsetDay: 5, hoursAtOrAboveGrade: { 3: 20, 4: 8, 5: 0 } });
  });

  it('reports no episode when every assessment is grade 0, and accepts an empty series', () => {
    expect(summary({ ...base, assessments: [{ at: at('2025-03-11T08:00'), grade: 0 }] }).value).toEqual({ maxGrade: 0, episodes: [] });
    expect(summary({ ...base, assessments: [] }).value).toEqual({ maxGrade: 0, episodes: [] });
  });

  it.each([
    ['an unknown time zone', { ...base, timeZone: 'China/Beijing' }, [['INVALID_VALUE', 'timeZone']]],
    ['an instant without offset', { ...base, infusionAt: '2025-03-10T14:00:00' }, [['INVALID_VALUE', 'infusionAt']]],
    ['an unknown day numbering', { ...base, dayNumbering: 'infusion-day-2' }, [['INVALID_VALUE', 'dayNumbering']]],
    ['a grade of 6 and a missing instant', { ...base, assessments: [{ at: at('2025-03-11T08:00'), grade: 6 }, { grade: 1 }] }, [['OUT_OF_RANGE', 'assessments.0.grade'], ['MISSING_MEASURE', 'assessments.1.at']]],
    ['two assessments at the same instant', { ...base, assessments: [{ at: at('2025-03-11T08:00'), grade: 1 }, { at: at('2025-03-11T08:00'), grade: 2 }] }, [['INVALID_VALUE', 'assessments.1.at']]],
    ['no assessment list', { ...base, assessments: undefined }, [['MISSING_MEASURE', 'assessments']]],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = summariseEpisodes(inputs as unknown as EpisodeSummaryInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
