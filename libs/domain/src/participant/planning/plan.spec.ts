import { JourneyScenario, ldCalculationInputs } from '../../testing/journey-scenario.js';
import { addDaysToDate } from '../../shared/time.js';
import { dateOfStudyDay, studyDayOf } from '../rules/study-days.js';
import { plan } from './plan.js';

const infused = () => {
  const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled().lymphodeplete();
  s.advanceDays(3);
  return s.infuse();
};
const due = (s: JourneyScenario, id: string) => plan(s.state).find((d) => d.id === id)?.dueAt;
const types = (events: readonly { type: string; data?: unknown }[]) => events.map((e) => (e.type === 'DeviationCandidateRaised' ? `Deviation:${(e.data as { rule: string }).rule}` : e.type));

describe('study days', () => {
  it.each([
    ['infusion-day-0', 7, '2026-03-17'],
    ['infusion-day-0', -1, '2026-03-09'],
    ['infusion-day-1', 7, '2026-03-16'],
    ['infusion-day-1', 1, '2026-03-10'],
    ['infusion-day-1', -1, '2026-03-09'],
  ] as const)('%s: day %i of an infusion on 2026-03-10 is %s', (convention, day, date) => {
    expect(dateOfStudyDay('2026-03-10', day, convention)).toBe(date);
    expect(studyDayOf('2026-03-10', date, convention)).toBe(day);
  });
});

describe('plan: screening and washout', () => {
  it('closes the screening period 28 days after consent and records it when the timer fires', () => {
    const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').register().consent();
    expect(due(s, 'screening-window:1')).toBe('2026-03-30T01:00:00.000Z');
    expect(types(s.advanceDays(28))).toEqual(['ScreeningWindowElapsed']);
    expect(plan(s.state).find((d) => d.kind === 'SCREENING_WINDOW_CLOSES')).toBeUndefined();
  });

  it('plans washout completion from the longest remaining class minimum (local midnight at the site)', () => {
    const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').register().consent();
    s.run({ type: 'RecordMedicationStop', data: { drugClass: 'B_CELL_ANTIBODIES', drugName: 'rituximab', lastDoseOn: '2026-03-01' } });
    s.run({ type: 'RecordMedicationStop', data: { drugClass: 'ANTIMETABOLITES_CNI_MTOR_JAK', drugName: 'tacrolimus', lastDoseOn: '2026-02-28' } });
    // 2026-02-28 + 14 days = 2026-03-14, 00:00 in Asia/Shanghai (UTC+8).
    expect(plan(s.state).find((d) => d.kind === 'WASHOUT_SATISFIED')?.dueAt).toBe('2026-03-13T16:00:00.000Z');
  });
});

describe('plan: follow-up visits, reminders and windows (anchored on the actual infusion)', () => {
  it('reminds 3 and 1 days before, at window opening, on the target day at 08:00 local, escalates before closing', () => {
    const s = infused();
    const d0 = s.state.infusion!.infusionDate;
    const at8 = (offset: number) => `${addDaysToDate(d0, offset)}T00:00:00.000Z`; // 08:00 at UTC+8
    const d7 = plan(s.state).filter((d) => d.visitId === 'D7').map((d) => [d.id, d.dueAt]);
    expect(d7).toEqual([
      ['visit:D7:reminder:-3', at8(4)],
      ['visit:D7:opens', at8(6)],
      ['visit:D7:reminder:-1', at8(6)],
      ['visit:D7:escalation', at8(7)],
      ['visit:D7:target', at8(7)],
      ['visit:D7:closes', `${addDaysToDate(d0, 8)}T16:00:00.000Z`],
    ]);
  });

  it('drops a visit from the plan once done, and records a missed visit with a deviation when its window closes', () => {
    const s = infused();
    s.advanceDays(7);
    s.run({ type: 'CompleteVisit', data: { visitId: 'D7', actualDate: s.date(), assessments: [] } });
    expect(plan(s.state).some((d) => d.visitId === 'D7')).toBe(false);
    const fired = s.advanceDays(6); // D10 window closes at the end of day 11
    expect(types(fired).filter((t) => t !== 'ReminderDue')).toEqual(['VisitMissed', 'Deviation:VISIT_MISSED']);
    // (D10's 3-day reminder fell on day 7 and fired before the D7 visit was recorded.)
    expect(fired.filter((e) => e.type === 'ReminderDue' && e.data.visitId === 'D10').map((e) => e.type === 'ReminderDue' && e.data.reminderId)).toEqual([
      'visit:D10:opens',
      'visit:D10:reminder:-1',
      'visit:D10:escalation',
      'visit:D10:target',
    ]);
  });

  it('treats a missed DLT-closing visit (D28) as an important deviation', () => {
    const s = infused();
    const fired = s.advanceDays(32);
    const missed = fired.find((e) => e.type === 'DeviationCandidateRaised' && e.data.deviationId === 'visit-missed:D28');
    expect(missed).toMatchObject({ data: { rule: 'DLT_ASSESSMENT_MISSED', important: true } });
  });
});

describe('plan: safety clocks', () => {
  it('closes the DLT window at the end of day 28 (inclusive) and moves the participant to follow-up', () => {
    const s = infused();
    const d0 = s.state.infusion!.infusionDate;
    expect(due(s, 'dlt-window:closes')).toBe(`${addDaysToDate(d0, 28)}T16:00:00.000Z`);
    const fired = s.advanceDays(29);
    expect(fired.find((e) => e.type === 'DltWindowClosed')).toMatchObject({ data: { fromDate: d0, toDate: addDaysToDate(d0, 28), dltCount: 0 } });
    expect(s.state.phase).toBe('FOLLOW_UP');
  });

  it('ends full AE collection at the end of day 90', () => {
    const s = infused();
    expect(due(s, 'ae-collection:ends')).toBe(`${addDaysToDate(s.state.infusion!.infusionDate, 90)}T16:00:00.000Z`);
  });

  it('raises a late-SAE deviation when 24 h pass without a report to the sponsor', () => {
    const s = infused();
    s.run({ type: 'ReportAdverseEvent', data: { aeId: 'ae-9', term: 'Febrile neutropenia', grade: 3, serious: true, causality: 'PROBABLE', onsetOn: s.date(), awareAt: s.now.toISOString() } });
    expect(due(s, 'sae-report:ae-9')).toBe(new Date(s.now.getTime() + 86_400_000).toISOString());
    const fired = s.advanceTo(new Date(s.now.getTime() + 86_400_000));
    expect(types(fired)).toContain('Deviation:SAE_REPORTED_LATE');
    expect(due(s, 'sae-report:ae-9')).toBeUndefined();
  });

  it('raises a thaw-limit deviation when the thawed product is not infused in time', () => {
    const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled().lymphodeplete();
    s.advanceDays(3);
    s.run({ type: 'RecordPreInfusionCheck', data: { items: { afebrile: true } } });
    s.run({ type: 'StartThaw', data: { bagIds: ['BAG-1'], startedAt: s.now.toISOString() } });
    expect(types(s.advanceTo(new Date(s.now.getTime() + 60 * 60_000)))).toEqual(['Deviation:THAW_LIMIT_EXCEEDED']);
  });

  it('counts the infusion-delay limit in site-local days (a last dose at 06:00 in Shanghai is 22:00 UTC the day before)', () => {
    const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE', '2026-03-01T22:00:00.000Z').toEnrolled();
    s.run({ type: 'RecordLymphodepletionDoseCalculation', data: ldCalculationInputs(s.date()) });
    for (const dose of s.state.ld.calculated!.doses) {
      s.run({ type: 'AdministerLymphodepletionDose', data: { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: s.now.toISOString() } });
    }
    expect(s.state.ld.completedAt).toBe('2026-03-01T22:00:00.000Z'); // 2026-03-02 06:00 at the site
    // Day 14 after the site date 2026-03-02 ends at 2026-03-16 24:00 local = 16:00 UTC.
    expect(plan(s.state).find((d) => d.kind === 'INFUSION_DELAY_LIMIT')?.dueAt).toBe('2026-03-16T16:00:00.000Z');
  });

  it('raises an infusion-delay deviation 14 days after the last lymphodepletion dose without infusion', () => {
    const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled().lymphodeplete();
    const fired = s.advanceDays(16);
    expect(types(fired)).toContain('Deviation:INFUSION_DELAYED_AFTER_LD');
  });
});

describe('ReachDeadline', () => {
  it('ignores a stale timer (the plan no longer has that date) and one that fires early', () => {
    const s = infused();
    const deadline = plan(s.state).find((d) => d.id === 'visit:D7:closes')!;
    const timer = (dueAt: string) => s.try({ type: 'ReachDeadline', actor: { id: 'sys', role: 'system' }, data: { deadlineId: deadline.id, dueAt } });
    expect(timer('2020-01-01T00:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'DEADLINE_NOT_PENDING' } });
    expect(timer(deadline.dueAt)).toMatchObject({ ok: false, error: { code: 'DEADLINE_NOT_REACHED' } });
  });
});
