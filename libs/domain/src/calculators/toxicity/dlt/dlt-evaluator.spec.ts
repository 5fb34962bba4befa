import { summariseEpisodes, type GradedAssessment, type ToxicityEpisode } from '../episodes/episode-summary.js';
import type { DltCriteriaInput } from './dlt-criteria.schema.js';
import { evaluateDltCandidates, type DltAdverseEvent, type DltEvaluationInputs } from './dlt-evaluator.js';
import { exampleDltCriteria } from './example-dlt-criteria.js';

const at = (local: string) => `${local}:00+08:00`;
const infusionAt = at('2025-03-10T14:00');
const context = { infusionAt, timeZone: 'Asia/Shanghai', asOf: at('2025-04-10T12:00') };
const ae = (id: string, term: string, grade: number, onset: string, resolved: string | undefined, extra: Partial<DltAdverseEvent> = {}): DltAdverseEvent => ({
  id,
  term,
  grade,
  haematological: false,
  onsetAt: at(onset),
  ...(resolved ? { resolvedAt: at(resolved) } : {}),
  attribution: 'possible',
  ...extra,
});

function episodes(toxicity: 'crs' | 'icans', assessments: GradedAssessment[]): readonly ToxicityEpisode[] {
  const outcome = summariseEpisodes({ toxicity, infusionAt, timeZone: 'Asia/Shanghai', dayNumbering: 'infusion-day-0', assessments });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result.value.episodes;
}

function evaluate(inputs: Partial<DltEvaluationInputs>, criteria: DltCriteriaInput = exampleDltCriteria) {
  const outcome = evaluateDltCandidates({ criteria, ...context, adverseEvents: [], ...inputs });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}
const matchesOf = (inputs: Partial<DltEvaluationInputs>, criteria?: DltCriteriaInput) =>
  Object.fromEntries(evaluate(inputs, criteria).value.candidates.map((c) => [c.eventId, c.matches.map((m) => `${m.ruleId}:${m.status}`)]));

// Rules are the [typ] composite of clinical-domain 2.6 (example-dlt-criteria.ts); window conventions per 0.2.
describe('DLT candidate evaluation', () => {
  it.each<[string, DltAdverseEvent, string[]]>([
    // 15 Mar 08:00 -> 25 Mar 08:00 = 10 days > 7
    ['related grade 3 ALT increase lasting 10 days', ae('ae', 'Alanine aminotransferase increased', 3, '2025-03-15T08:00', '2025-03-25T08:00'), ['NONHEM-G3-7D:met']],
    ['exactly 7 days is not "more than 7 days"', ae('ae', 'Alanine aminotransferase increased', 3, '2025-03-15T08:00', '2025-03-22T08:00'), []],
    ['grade 2 for 10 days', ae('ae', 'Alanine aminotransferase increased', 2, '2025-03-15T08:00', '2025-03-25T08:00'), []],
    // day 27 onset, ongoing at asOf 10 Apr 12:00 = 4 days so far
    ['ongoing grade 3 at 4 days is pending', ae('ae', 'Diarrhea', 3, '2025-04-06T12:00', undefined), ['NONHEM-G3-7D:pending']],
    ['excluded term: grade 3 fever for 20 days', ae('ae', 'Fever', 3, '2025-03-11T08:00', '2025-03-31T08:00'), []],
    ['hypokalaemia corrected within 48 h is excluded', ae('ae', 'Hypokalemia', 3, '2025-03-15T08:00', '2025-03-17T08:00'), []],
    ['hypokalaemia lasting 9 days is not excluded', ae('ae', 'Hypokalemia', 3, '2025-03-15T08:00', '2025-03-24T08:00'), ['NONHEM-G3-7D:met']],
    ['an unrelated grade 3 diarrhoea', ae('ae', 'Diarrhea', 3, '2025-03-15T08:00', '2025-03-25T08:00', { attribution: 'unrelated' }), []],
    ['attribution not yet assessed is pending', ae('ae', 'Diarrhea', 3, '2025-03-15T08:00', '2025-03-25T08:00', { attribution: undefined }), ['NONHEM-G3-7D:pending']],
    // 12 Mar -> 30 Mar = 18 days > 14; haematological, so not a non-haematological candidate
    ['grade 4 neutropenia lasting 18 days', ae('ae', 'Neutrophil count decreased', 4, '2025-03-12T08:00', '2025-03-30T08:00', { haematological: true }), ['NEUT-G4-14D:met']],
    // 28 Mar 08:00 -> asOf 10 Apr 12:00 = 13.2 days, still ongoing
    ['ongoing grade 4 neutropenia at 13.2 days is pending', ae('ae', 'Neutrophil count decreased', 4, '2025-03-28T08:00', undefined, { haematological: true }), ['NEUT-G4-14D:pending']],
    ['fatal sepsis of unassessed attribution is an any-grade-5 candidate', ae('ae', 'Sepsis', 5, '2025-03-30T08:00', '2025-03-31T08:00', { attribution: undefined }), ['ANY-G5:met']],
    ['grade 4 pneumonitis at 23:00 on day 28 (inclusive end)', ae('ae', 'Pneumonitis', 4, '2025-04-07T23:00', '2025-04-17T23:00'), ['NONHEM-G3-7D:met']],
    ['grade 4 pneumonitis on day 29 is outside the window', ae('ae', 'Pneumonitis', 4, '2025-04-08T08:00', '2025-04-18T08:00'), []],
    ['an event on day 0 before the infusion started is outside the window', ae('ae', 'Pneumonitis', 4, '2025-03-10T09:00', '2025-03-20T09:00'), []],
  ])('%s', (_title, event, expected) => {
    expect(matchesOf({ adverseEvents: [event] })).toEqual(expected.length === 0 ? {} : { ae: expected });
  });

  it('evaluates CRS and ICANS episodes: grade 3 CRS for 76 h, grade 4 ICANS for 12 h', () => {
    const crsEpisodes = episodes('crs', [
      { at: at('2025-03-11T02:00'), grade: 1 },
      { at: at('2025-03-11T06:00'), grade: 3 },
      { at: at('2025-03-14T10:00'), grade: 2 },
      { at: at('2025-03-15T10:00'), grade: 0 },
    ]);
    const icansEpisodes = episodes('icans', [
      { at: at('2025-03-13T08:00'), grade: 4 },
      { at: at('2025-03-13T20:00'), grade: 1 },
      { at: at('2025-03-14T08:00'), grade: 0 },
    ]);
    const result = evaluate({ crsEpisodes, icansEpisodes });
    expect(result.value.candidates).toEqual([
      // 11 Mar 06:00 -> 14 Mar 10:00 = 76 h at grade ≥3
      { eventId: 'crs-episode-1', eventKind: 'crs-episode', onsetDay: 1, matches: [{ ruleId: 'CRS-G3-72H', status: 'met', reason: 'grade 3 ≥ 3; lasted 76 hours > 72 hours' }] },
      { eventId: 'icans-episode-1', eventKind: 'icans-episode', onsetDay: 3, matches: [{ ruleId: 'ICANS-G4', status: 'met', reason: 'grade 4 ≥ 4' }] },
    ]);
    expect(result.calculator).toBe('dlt.candidates');
  });

  it('an ongoing grade 3 CRS at 30 h is pending against the 72 h rule', () => {
    const crsEpisodes = episodes('crs', [
      { at: at('2025-04-06T06:00'), grade: 3 },
      { at: at('2025-04-07T12:00'), grade: 3 },
    ]);
    expect(matchesOf({ crsEpisodes, asOf: at('2025-04-07T12:00') })).toEqual({ 'crs-episode-1': ['CRS-G3-72H:pending'] });
  });

  it.each<[string, Partial<DltCriteriaInput['window']>, string, boolean]>([
    ['D1-D28 excludes an event on day 0', { startDay: 1 }, '2025-03-10T20:00', false],
    ['D0-D28 includes it', {}, '2025-03-10T20:00', true],
    ['exclusive end D0-D28) excludes day 28', { endInclusive: false }, '2025-04-07T08:00', false],
    ['"through Day 29" with infusion = Day 1 includes D28 of the day-0 numbering', { dayNumbering: 'infusion-day-1', startDay: 1, endDay: 29 }, '2025-04-07T08:00', true],
    ['"through Day 29" with infusion = Day 1 excludes the next day', { dayNumbering: 'infusion-day-1', startDay: 1, endDay: 29 }, '2025-04-08T08:00', false],
  ])('window: %s', (_title, window, onset, included) => {
    const criteria = { ...exampleDltCriteria, window: { ...exampleDltCriteria.window, ...window } };
    const result = evaluate({ adverseEvents: [ae('ae', 'Sepsis', 5, onset, undefined)] }, criteria);
    expect(result.value.candidates.length > 0).toBe(included);
    expect(result.components.events[0]?.inWindow).toBe(included);
  });

  it.each([
    ['an empty window', { ...exampleDltCriteria, window: { ...exampleDltCriteria.window, endDay: 0, endInclusive: false } }, {}, ['criteria.window.endDay']],
    ['a duplicated rule id', { ...exampleDltCriteria, rules: [...exampleDltCriteria.rules, { id: 'ANY-G5', kind: 'any-event', minGrade: 5, description: 'again' }] }, {}, ['criteria.rules.7.id']],
    ['an unknown rule kind', { ...exampleDltCriteria, rules: [{ id: 'X', kind: 'gvhd', minGrade: 2, description: 'x' }] }, {}, ['criteria.rules.0.kind']],
    ['an AE without haematological flag and with grade 0', exampleDltCriteria, { adverseEvents: [{ id: 'a', term: 'Rash', grade: 0, onsetAt: at('2025-03-12T08:00') }] }, ['adverseEvents.0.grade', 'adverseEvents.0.haematological']],
    ['grade 5 on a laboratory term (CTCAE v5.0 lab terms stop at 4) [lit]', exampleDltCriteria, { adverseEvents: [ae('a', 'Neutrophil count decreased', 5, '2025-03-12T08:00', undefined, { haematological: true })] }, ['adverseEvents.0.grade']],
    ['an AE without a term', exampleDltCriteria, { adverseEvents: [{ id: 'a', grade: 3, haematological: false, onsetAt: at('2025-03-12T08:00') }] }, ['adverseEvents.0.term']],
    ['an AE resolving before onset', exampleDltCriteria, { adverseEvents: [ae('a', 'Rash', 3, '2025-03-12T08:00', '2025-03-11T08:00')] }, ['adverseEvents.0.resolvedAt']],
    ['an unknown attribution', exampleDltCriteria, { adverseEvents: [ae('a', 'Rash', 3, '2025-03-12T08:00', undefined, { attribution: 'likely' as never })] }, ['adverseEvents.0.attribution']],
    ['no time zone and no asOf', exampleDltCriteria, { timeZone: 'UTC+8', asOf: undefined }, ['asOf', 'timeZone']],
  ])('rejects %s', (_title, criteria, patch, fields) => {
    const outcome = evaluateDltCandidates({ criteria: criteria as DltCriteriaInput, ...context, adverseEvents: [], ...(patch as Partial<DltEvaluationInputs>) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.field)).toEqual(fields);
  });
});
