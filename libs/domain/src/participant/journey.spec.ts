import { JourneyScenario } from '../testing/journey-scenario.js';
import { addDaysToDate } from '../shared/time.js';
import { fold } from './evolve.js';
import { plan } from './planning/plan.js';
import { visitWindows } from './planning/visit-windows.js';

/**
 * A whole 24-month journey through the real decider and planner, one cohort of each seed trial: screening,
 * washout, lymphodepletion D-5..D-3, infusion on D0, the DLT window, every follow-up visit on its target
 * day, and completion. Timers are fired in order exactly as the workflow would fire them.
 */
describe.each([
  ['ucart-cd19-bcma', 'SLE', ['SLEDAI-2K', 'BILAG-2004', 'PGA']],
  ['cb-cd19-bcma', 'SSC', ['MRSS']],
])('complete journey: %s / %s', (trialId, cohortId, keyInstruments) => {
  const s = JourneyScenario.for(trialId, cohortId, '2026-03-02T01:30:00.000Z');

  it('runs from registration to study completion without a deviation', () => {
    s.toEnrolled();
    s.advanceDays(2);
    s.lymphodeplete();
    s.advanceDays(3);
    s.infuse();
    expect(s.state.phase).toBe('DLT_WINDOW');
    const d0 = s.state.infusion!.infusionDate;

    // Early toxicity inside the DLT window, assessed from raw parameters; a grade 2 AE that resolves.
    s.later(24 * 60);
    s.run({ type: 'AssessCrs', data: { assessedAt: s.now.toISOString(), parameters: { temperature: { value: 38.4, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' } } } });
    s.run({ type: 'ReportAdverseEvent', data: { term: 'Neutrophil count decreased', grade: 2, serious: false, causality: 'PROBABLE', onsetOn: s.date(), resolvedOn: s.date(), awareAt: s.now.toISOString() } });

    for (const window of visitWindows(s.protocol, s.state)) {
      s.advanceTo(`${window.target}T02:00:00.000Z`); // 10:00 at the site, after the 08:00 reminder
      const assessments = window.visit.instruments[cohortId] ?? [];
      s.run({ type: 'CompleteVisit', data: { visitId: window.visit.id, actualDate: window.target, assessments: [...assessments, ...(window.visit.instruments['*'] ?? [])] } });
    }
    s.advanceDays(40); // past the last window: nothing left to fire
    s.run({ type: 'CompleteStudy', data: { completedOn: s.date() } });

    expect(s.state).toMatchObject({ phase: 'ENDED', endReason: 'COMPLETED', deviations: [], missedVisits: [] });
    expect(s.state.visits.map((v) => [v.value.visitId, v.value.inWindow])).toEqual(s.protocol.visits.map((v) => [v.id, true]));
    expect(s.state.visits.find((v) => v.value.visitId === 'M24')?.value.actualDate).toBe(addDaysToDate(d0, 730));
    expect(plan(s.state)).toEqual([]);

    const count = (type: string) => s.events.filter((e) => e.type === type).length;
    expect(count('DltWindowClosed')).toBe(1);
    expect(count('AeCollectionEnded')).toBe(1);
    expect(count('WashoutSatisfied')).toBe(1);
    expect(count('LymphodepletionDoseAdministered')).toBe(6);
    expect(count('InfusionCompleted')).toBe(1);
    // Per visit: 3-day and 1-day reminders, window opening and target day (when they differ).
    const reminders = s.events.filter((e) => e.type === 'ReminderDue');
    expect(new Set(reminders.map((e) => e.type === 'ReminderDue' && e.data.visitId)).size).toBe(s.protocol.visits.length);
    expect(reminders.filter((e) => e.type === 'ReminderDue' && e.data.visitId === 'M6').map((e) => e.type === 'ReminderDue' && e.data.reminderId)).toEqual([
      'visit:M6:opens',
      'visit:M6:reminder:-3',
      'visit:M6:reminder:-1',
      'visit:M6:target',
    ]);
    // Key efficacy instruments were due (and recorded) at month 12.
    expect(s.protocol.visits.find((v) => v.id === 'M12')?.instruments[cohortId]).toEqual(expect.arrayContaining(keyInstruments));
    // The state is exactly the fold of the recorded events.
    expect(fold(s.events)).toEqual(s.state);
  });
});
