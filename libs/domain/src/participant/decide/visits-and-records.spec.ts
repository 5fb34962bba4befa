import { JourneyScenario } from '../../testing/journey-scenario.js';
import { addDaysToDate } from '../../shared/time.js';
import { plan } from '../planning/plan.js';

const infused = () => {
  const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled().lymphodeplete();
  s.advanceDays(3);
  return s.infuse();
};
const visit = (s: JourneyScenario, visitId: string, actualDate: string) => s.try({ type: 'CompleteVisit', data: { visitId, actualDate, assessments: ['SLEDAI-2K'] } });

describe('CompleteVisit', () => {
  it('records a visit inside its window (D14 ±2 days) without a deviation', () => {
    const s = infused();
    s.advanceDays(16);
    const decision = visit(s, 'D14', addDaysToDate(s.state.infusion!.infusionDate, 16));
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'VisitCompleted', data: { visitId: 'D14', inWindow: true } }] });
    expect(decision.ok && decision.events).toHaveLength(1);
  });

  it('records a visit outside its window with its actual date and raises a deviation candidate', () => {
    const s = infused();
    s.advanceDays(17);
    const decision = visit(s, 'D14', addDaysToDate(s.state.infusion!.infusionDate, 17));
    expect(decision.ok && decision.events.map((e) => (e.type === 'DeviationCandidateRaised' ? e.data.rule : e.type))).toEqual(['VisitCompleted', 'VISIT_OUT_OF_WINDOW']);
  });

  it('marks the out-of-window DLT-closing visit as an important deviation (D28 may not be early)', () => {
    const s = infused();
    s.advanceDays(27);
    const decision = visit(s, 'D28', addDaysToDate(s.state.infusion!.infusionDate, 27));
    expect(decision).toMatchObject({ ok: true, events: [{ data: { inWindow: false } }, { data: { rule: 'VISIT_OUT_OF_WINDOW', important: true } }] });
  });

  it.each([
    ['an unknown visit', 'M99', 0, 'UNKNOWN_VISIT'],
    ['a date before the infusion', 'D7', -1, 'VISIT_BEFORE_INFUSION'],
  ])('rejects %s', (_label, visitId, offset, code) => {
    const s = infused();
    expect(visit(s, visitId, addDaysToDate(s.state.infusion!.infusionDate, offset))).toMatchObject({ ok: false, error: { code } });
  });

  it('rejects a visit before infusion and the same visit twice', () => {
    const pre = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled();
    expect(visit(pre, 'D7', pre.date())).toMatchObject({ ok: false, error: { code: 'NOT_INFUSED' } });
    const s = infused();
    s.advanceDays(7);
    s.run({ type: 'CompleteVisit', data: { visitId: 'D7', actualDate: s.date(), assessments: [] } });
    expect(visit(s, 'D7', s.date())).toMatchObject({ ok: false, error: { code: 'VISIT_ALREADY_COMPLETED' } });
  });

  it('records unscheduled visits with a reason', () => {
    const s = infused();
    expect(s.try({ type: 'RecordUnscheduledVisit', data: { visitDate: s.date(), reason: 'Flare', assessments: ['SLEDAI-2K'] } })).toMatchObject({ ok: true, events: [{ type: 'UnscheduledVisitRecorded' }] });
    expect(s.try({ type: 'RecordUnscheduledVisit', data: { visitDate: s.date(), reason: '', assessments: [] } })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
  });
});

describe('CorrectEntry and VoidEntry', () => {
  it('records previous and corrected values side by side with the reason', () => {
    const s = infused();
    const [reported] = s.run({ type: 'ReportAdverseEvent', data: { term: 'Rash', grade: 1, serious: false, causality: 'POSSIBLE', onsetOn: s.date(), awareAt: s.now.toISOString() } });
    const entryId = reported!.type === 'AdverseEventReported' ? reported!.data.entryId : '';
    expect(s.try({ type: 'CorrectEntry', data: { entryId, changes: { grade: 2, term: 'Rash' }, reason: 'Grade re-assessed from photos' } })).toMatchObject({
      ok: true,
      events: [{ type: 'EntryCorrected', data: { entryId, entryType: 'AdverseEventReported', changes: { grade: { previous: 1, corrected: 2 } }, reason: 'Grade re-assessed from photos' } }],
    });
  });

  it('moves every later deadline when the infusion date is corrected', () => {
    const s = infused();
    const before = plan(s.state).find((d) => d.id === 'visit:M3:closes')!;
    const startedAt = new Date(Date.parse(s.state.infusion!.startedAt) + 86_400_000).toISOString();
    const completedAt = new Date(Date.parse(s.state.infusion!.completedAt) + 86_400_000).toISOString();
    s.later(2 * 24 * 60);
    s.run({ type: 'CorrectEntry', data: { entryId: s.state.infusion!.entryId, changes: { startedAt, completedAt }, reason: 'Infusion happened the next day; date mis-keyed' } });
    const after = plan(s.state).find((d) => d.id === 'visit:M3:closes')!;
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBe(86_400_000);
    expect(plan(s.state).find((d) => d.id === 'dlt-window:closes')!.dueAt > before.causedAt).toBe(true);
  });

  it('raises a deviation when a corrected visit date falls outside its window', () => {
    const s = infused();
    s.advanceDays(7);
    const [done] = s.run({ type: 'CompleteVisit', data: { visitId: 'D7', actualDate: s.date(), assessments: [] } });
    const entryId = done!.type === 'VisitCompleted' ? done!.data.entryId : '';
    const decision = s.try({ type: 'CorrectEntry', data: { entryId, changes: { actualDate: s.date(-3) }, reason: 'Visit was earlier' } });
    expect(decision).toMatchObject({ ok: true, events: [{ data: { changes: { inWindow: { previous: true, corrected: false } } } }, { data: { rule: 'VISIT_OUT_OF_WINDOW' } }] });
  });

  it.each([
    ['without a reason', { reason: '' }, 'REASON_REQUIRED'],
    ['of an unknown entry', { entryId: 'nope' }, 'ENTRY_NOT_FOUND'],
    ['of a field that is not correctable', { changes: { aeId: 'x' } }, 'FIELD_NOT_CORRECTABLE'],
    ['with an invalid value', { changes: { grade: 7 } }, 'INVALID_CORRECTION'],
    ['that changes nothing', { changes: { grade: 1 } }, 'NOTHING_TO_CORRECT'],
  ])('rejects a correction %s', (_label, data, code) => {
    const s = infused();
    s.run({ type: 'ReportAdverseEvent', data: { term: 'Rash', grade: 1, serious: false, causality: 'POSSIBLE', onsetOn: s.date(), awareAt: s.now.toISOString() } });
    const entryId = s.state.adverseEvents[0]!.entryId;
    expect(s.try({ type: 'CorrectEntry', data: { entryId, changes: { grade: 2 }, reason: 'Re-graded', ...data } as never })).toMatchObject({ ok: false, error: { code } });
  });

  it('voids an entry entered in error, which then no longer counts, and refuses to void a given dose', () => {
    const s = infused();
    s.run({ type: 'ReportAdverseEvent', data: { term: 'Headache', grade: 1, serious: false, causality: 'UNLIKELY', onsetOn: s.date(), awareAt: s.now.toISOString() } });
    const entryId = s.state.adverseEvents[0]!.entryId;
    s.run({ type: 'VoidEntry', data: { entryId, reason: 'Entered for the wrong participant' } });
    expect(s.state.adverseEvents).toEqual([]);
    expect(s.try({ type: 'VoidEntry', data: { entryId, reason: 'again' } })).toMatchObject({ ok: false, error: { code: 'ENTRY_NOT_FOUND' } });
    const dose = s.state.ld.administered[0]!.entryId;
    expect(s.try({ type: 'VoidEntry', data: { entryId: dose, reason: 'Dose entered twice' } })).toMatchObject({ ok: false, error: { code: 'ENTRY_NOT_VOIDABLE' } });
  });
});

describe('ConfirmDeviation and DismissDeviation', () => {
  const withDeviation = () => {
    const s = infused();
    s.advanceDays(17);
    s.run({ type: 'CompleteVisit', data: { visitId: 'D14', actualDate: s.date(), assessments: [] } });
    return s;
  };

  it('confirms a candidate as important with a reason, or dismisses it with a reason', () => {
    const s = withDeviation();
    expect(s.try({ type: 'ConfirmDeviation', data: { deviationId: 'visit-out-of-window:D14', important: false, reason: 'Participant travelling' } })).toMatchObject({ ok: true, events: [{ type: 'DeviationConfirmed' }] });
    expect(s.try({ type: 'DismissDeviation', data: { deviationId: 'visit-out-of-window:D14', reason: 'Window extension approved by sponsor' } })).toMatchObject({ ok: true, events: [{ type: 'DeviationDismissed' }] });
  });

  it('rejects unknown or already resolved deviations and missing reasons', () => {
    const s = withDeviation();
    expect(s.try({ type: 'DismissDeviation', data: { deviationId: 'nope', reason: 'x-reason' } })).toMatchObject({ ok: false, error: { code: 'DEVIATION_NOT_FOUND' } });
    expect(s.try({ type: 'DismissDeviation', data: { deviationId: 'visit-out-of-window:D14', reason: '' } })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    s.run({ type: 'DismissDeviation', data: { deviationId: 'visit-out-of-window:D14', reason: 'Approved window extension' } });
    expect(s.try({ type: 'ConfirmDeviation', data: { deviationId: 'visit-out-of-window:D14', important: true, reason: 'changed mind' } })).toMatchObject({ ok: false, error: { code: 'DEVIATION_ALREADY_RESOLVED' } });
  });
});
