import { JourneyScenario } from '../../testing/journey-scenario.js';
import { addDaysToDate } from '../../shared/time.js';
import type { ParticipantEvent } from '../events.js';

/** Infused, then the visit done on its nominal day; the baseline is what satisfyCriteria recorded at screening. */
const atVisit = (cohortId: string, visitId: 'D14' | 'D28', trialId = 'ucart-cd19-bcma') => {
  const s = JourneyScenario.for(trialId, cohortId).toEnrolled().lymphodeplete();
  s.advanceDays(3);
  s.infuse();
  const day = visitId === 'D14' ? 14 : 28;
  s.advanceDays(day);
  s.run({ type: 'CompleteVisit', data: { visitId, actualDate: addDaysToDate(s.state.infusion!.infusionDate, day), assessments: [] } });
  return s;
};
const assess = (s: JourneyScenario, visitId: string, instrument: string, value: number, extra: Record<string, unknown> = {}) =>
  s.try({ type: 'RecordEfficacyAssessment', data: { visitId, instrument, assessedOn: s.date(), value, ...extra } });
const assessedData = (events: readonly ParticipantEvent[]) => {
  const event = events[0];
  return event?.type === 'EfficacyAssessed' ? event.data : undefined;
};
const observationOf = (s: JourneyScenario, code: string) => s.state.screening.observations.find((o) => o.value.code === code)!;

describe('RecordEfficacyAssessment: responses under the instruments’ published definitions', () => {
  it('SLEDAI-2K: a reduction of 4 from the screening baseline (8) meets the SRI-4 SLEDAI component, 3 does not', () => {
    const s = atVisit('SLE', 'D28');
    expect(observationOf(s, 'SLEDAI_2K').value.value).toBe(8);
    const four = assess(s, 'D28', 'SLEDAI-2K', 4);
    expect(four).toMatchObject({
      ok: true,
      events: [{
        type: 'EfficacyAssessed',
        schemaVersion: 1,
        data: {
          visitId: 'D28', instrument: 'SLEDAI-2K', value: 4, unit: 'score',
          baseline: { value: 8, entryId: observationOf(s, 'SLEDAI_2K').entryId },
          change: { absolute: -4, percent: -50, algorithm: 'sledai-2k.compare@1.0.0' },
          response: { outcome: 'RESPONSE', algorithm: 'sri-4.sledai-component@1.0.0' },
        },
      }],
    });
    expect(assess(s, 'D28', 'SLEDAI-2K', 5)).toMatchObject({ ok: true, events: [{ data: { change: { absolute: -3 }, response: { outcome: 'NO_RESPONSE' } } }] });
  });

  it('MG-ADL: a fall of exactly 2 points from baseline (6) is a response, a fall of 1 is not', () => {
    const s = atVisit('MG', 'D14');
    expect(assess(s, 'D14', 'MG-ADL', 4)).toMatchObject({ ok: true, events: [{ data: { change: { absolute: -2 }, response: { outcome: 'RESPONSE', algorithm: 'mg-adl.compare@1.0.0' } } }] });
    expect(assess(s, 'D14', 'MG-ADL', 5)).toMatchObject({ ok: true, events: [{ data: { response: { outcome: 'NO_RESPONSE' } } }] });
  });

  it('IgG4-RD RI: a fall of strictly more than 50% is a response; exactly 50% is not; a baseline of 0 is not evaluable', () => {
    const s = atVisit('IGG4RD', 'D28');
    const baseline = observationOf(s, 'IGG4_RD_RI');
    s.run({ type: 'CorrectEntry', data: { entryId: baseline.entryId, changes: { value: 4 }, reason: 'RI transcribed from the wrong form' } });
    expect(assess(s, 'D28', 'IGG4-RD-RI', 1)).toMatchObject({ ok: true, events: [{ data: { change: { percent: -75 }, response: { outcome: 'RESPONSE', algorithm: 'igg4-rd-ri.response@1.0.0' } } }] });
    expect(assess(s, 'D28', 'IGG4-RD-RI', 2)).toMatchObject({ ok: true, events: [{ data: { change: { percent: -50 }, response: { outcome: 'NO_RESPONSE' } } }] });
    s.run({ type: 'CorrectEntry', data: { entryId: baseline.entryId, changes: { value: 0 }, reason: 'No active organ at screening per source' } });
    const zero = assess(s, 'D28', 'IGG4-RD-RI', 0);
    expect(zero).toMatchObject({ ok: true, events: [{ data: { change: { absolute: 0, percent: null }, response: { outcome: 'NOT_EVALUABLE' } } }] });
    expect(zero.ok && assessedData(zero.events)?.response?.reason).toMatch(/baseline RI of 0/);
  });

  it('records the change only for an instrument without a published response (mRSS), and no change without a baseline', () => {
    const ssc = atVisit('SSC', 'D28');
    expect(assess(ssc, 'D28', 'MRSS', 10)).toMatchObject({ ok: true, events: [{ data: { baseline: { value: 15 }, change: { absolute: -5 }, response: null } }] });
    const sle = atVisit('SLE', 'D28');
    sle.run({ type: 'VoidEntry', data: { entryId: observationOf(sle, 'SLEDAI_2K').entryId, reason: 'Recorded for another participant' } });
    expect(assess(sle, 'D28', 'SLEDAI-2K', 2)).toMatchObject({ ok: true, events: [{ data: { baseline: null, change: null, response: { outcome: 'NOT_EVALUABLE', reason: 'no baseline was recorded at screening' } } }] });
  });
});

describe('RecordEfficacyAssessment: what is refused', () => {
  it.each([
    ['a score above the instrument’s range', 'MG-ADL', 25, {}, 'INVALID_SCORE', 'value'],
    ['a fractional score on a whole-number scale', 'MG-ADL', 2.5, {}, 'INVALID_SCORE', 'value'],
    ['a unit other than the instrument’s', 'MG-ADL', 3, { unit: 'points' }, 'WRONG_UNIT', 'unit'],
    ['an instrument not scheduled for the cohort at the visit', 'SLEDAI-2K', 3, {}, 'INSTRUMENT_NOT_SCHEDULED', 'instrument'],
    ['a scheduled instrument with no single score', 'IMMUNOLOGY-PANEL', 1, {}, 'INSTRUMENT_NOT_SCORED', 'instrument'],
  ])('%s', (_label, instrument, value, extra, code, field) => {
    const s = atVisit('MG', 'D14');
    expect(assess(s, 'D14', instrument, value, extra)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('an out-of-range message names the scale', () => {
    const s = atVisit('MG', 'D14');
    expect(assess(s, 'D14', 'QMG', 40)).toMatchObject({ ok: false, error: { code: 'INVALID_SCORE', message: 'value = 40 is outside 0-39 (QMG 0-39)' } });
  });

  it('a visit not done yet, a visit not in the schedule, and a date before the infusion', () => {
    const s = atVisit('MG', 'D14');
    expect(assess(s, 'D28', 'MG-ADL', 3)).toMatchObject({ ok: false, error: { code: 'VISIT_NOT_COMPLETED', field: 'visitId' } });
    expect(assess(s, 'M99', 'MG-ADL', 3)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_VISIT', field: 'visitId' } });
    expect(assess(s, 'D14', 'MG-ADL', 3, { assessedOn: addDaysToDate(s.state.infusion!.infusionDate, -1) })).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_BEFORE_INFUSION' } });
  });

  it('the same instrument twice at a visit; a void lets the rescore be recorded', () => {
    const s = atVisit('MG', 'D14');
    const [first] = s.run({ type: 'RecordEfficacyAssessment', data: { visitId: 'D14', instrument: 'MG-ADL', assessedOn: s.date(), value: 5 } });
    expect(s.state.efficacyAssessments).toMatchObject([{ value: { instrument: 'MG-ADL', value: 5, response: { outcome: 'NO_RESPONSE' } } }]);
    expect(assess(s, 'D14', 'MG-ADL', 3)).toMatchObject({ ok: false, error: { code: 'EFFICACY_ALREADY_ASSESSED' } });
    const entryId = first?.type === 'EfficacyAssessed' ? first.data.entryId : '';
    s.run({ type: 'VoidEntry', data: { entryId, reason: 'Items summed wrongly; rescored' } });
    expect(s.state.efficacyAssessments).toEqual([]);
    expect(assess(s, 'D14', 'MG-ADL', 3)).toMatchObject({ ok: true, events: [{ data: { response: { outcome: 'RESPONSE' } } }] });
  });

  it('corrects the assessment date, never the score (change and response are derived from it)', () => {
    const s = atVisit('MG', 'D14');
    const [first] = s.run({ type: 'RecordEfficacyAssessment', data: { visitId: 'D14', instrument: 'MG-ADL', assessedOn: s.date(), value: 5 } });
    const entryId = first?.type === 'EfficacyAssessed' ? first.data.entryId : '';
    expect(s.try({ type: 'CorrectEntry', data: { entryId, changes: { value: 3 }, reason: 'Rescored' } })).toMatchObject({ ok: false, error: { code: 'FIELD_NOT_CORRECTABLE', field: 'changes.value' } });
    s.run({ type: 'CorrectEntry', data: { entryId, changes: { assessedOn: s.date(-1) }, reason: 'Assessed the day before the visit' } });
    expect(s.state.efficacyAssessments[0]?.value.assessedOn).toBe(s.date(-1));
  });
});
