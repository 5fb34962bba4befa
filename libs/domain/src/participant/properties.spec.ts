import fc from 'fast-check';
import { JourneyScenario } from '../testing/journey-scenario.js';
import { addDaysToDate } from '../shared/time.js';
import { fold } from './evolve.js';
import { plan } from './planning/plan.js';
import { visitWindows } from './planning/visit-windows.js';

/**
 * Properties over random journeys: a random starting point (registered, enrolled or infused) followed by a
 * random mix of clock advances (which fire every due timer), safety reports, visits on or off their target
 * day, corrections of the infusion time and late medication entries. Rejected commands are skipped.
 */
const action = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 120 }) }),
  fc.record({ kind: fc.constant('ae' as const), grade: fc.integer({ min: 1, max: 5 }), serious: fc.boolean(), awareHoursAgo: fc.integer({ min: 0, max: 72 }) }),
  fc.record({ kind: fc.constant('crs' as const), hypotension: fc.constantFrom('none', 'not-requiring-vasopressors', 'one-vasopressor', 'multiple-vasopressors'), fever: fc.boolean() }),
  fc.record({ kind: fc.constant('visit' as const), offsetDays: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant('correct-infusion' as const), shiftHours: fc.integer({ min: -48, max: 48 }) }),
  fc.record({ kind: fc.constant('medication' as const), daysAgo: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('report-sae' as const) }),
);

function start(kind: number, trial: number): JourneyScenario {
  const s = trial === 0 ? JourneyScenario.for('ucart-cd19-bcma', 'MG') : JourneyScenario.for('cb-cd19-bcma', 'SLE_LN');
  if (kind === 0) return s.register().consent();
  s.toEnrolled();
  if (kind === 1) return s;
  s.lymphodeplete();
  s.advanceDays(3);
  return s.infuse();
}

function act(s: JourneyScenario, a: Parameters<typeof apply>[1]): void {
  apply(s, a);
}

function apply(s: JourneyScenario, a: { kind: string; [k: string]: unknown }): void {
  const attempt = (command: Parameters<JourneyScenario['try']>[0]) => {
    const decision = s.try(command);
    if (decision.ok) s.apply(decision.events);
  };
  switch (a.kind) {
    case 'advance':
      s.advanceTo(new Date(s.now.getTime() + (a.hours as number) * 3_600_000));
      return;
    case 'ae':
      return attempt({ type: 'ReportAdverseEvent', data: { term: 'Fatigue', grade: a.grade as 1, serious: a.serious as boolean, causality: 'POSSIBLE', onsetOn: s.date(-1), awareAt: new Date(s.now.getTime() - (a.awareHoursAgo as number) * 3_600_000).toISOString() } });
    case 'crs':
      return attempt({ type: 'AssessCrs', data: { assessedAt: s.now.toISOString(), parameters: { temperature: { value: a.fever ? 39 : 37, unit: '°C' }, hypotension: a.hypotension as 'none', oxygen: { device: 'none' } } } });
    case 'visit': {
      const next = visitWindows(s.protocol, s.state).find((w) => !s.state.visits.some((v) => v.value.visitId === w.visit.id) && !s.state.missedVisits.includes(w.visit.id));
      if (next) attempt({ type: 'CompleteVisit', data: { visitId: next.visit.id, actualDate: addDaysToDate(next.target, a.offsetDays as number), assessments: [] } });
      return;
    }
    case 'correct-infusion': {
      const infusion = s.state.infusion;
      if (!infusion) return;
      const shift = (a.shiftHours as number) * 3_600_000;
      attempt({ type: 'CorrectEntry', data: { entryId: infusion.entryId, changes: { startedAt: new Date(Date.parse(infusion.startedAt) + shift).toISOString(), completedAt: new Date(Date.parse(infusion.completedAt) + shift).toISOString() }, reason: 'Time corrected from the nursing record' } });
      return;
    }
    case 'medication':
      return attempt({ type: 'RecordMedicationStop', data: { drugClass: 'ANTI_CYTOKINE_ANTIBODIES', drugName: 'tocilizumab', lastDoseOn: s.date(-(a.daysAgo as number)) } });
    case 'report-sae': {
      const open = s.state.adverseEvents.find((ae) => ae.serious && !ae.reportedToSponsorAt);
      if (open) attempt({ type: 'ReportSaeToSponsor', data: { aeId: open.aeId, reportedAt: s.now.toISOString() } });
      return;
    }
  }
}

const journeys = fc.record({ start: fc.integer({ min: 0, max: 2 }), trial: fc.integer({ min: 0, max: 1 }), actions: fc.array(action, { minLength: 1, maxLength: 25 }) });

describe('journey properties', () => {
  it('plan never returns a deadline earlier than the recorded fact that caused it, nor a cause in the future', () => {
    fc.assert(
      fc.property(journeys, ({ start: kind, trial, actions }) => {
        const s = start(kind, trial);
        for (const a of actions) {
          act(s, a);
          for (const deadline of plan(s.state)) {
            expect(deadline.dueAt >= deadline.causedAt).toBe(true);
            expect(Date.parse(deadline.causedAt)).toBeLessThanOrEqual(s.now.getTime());
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('folding the events one by one (as the workflow does) equals folding them all at once (as an audit does)', () => {
    fc.assert(
      fc.property(journeys, fc.nat(), ({ start: kind, trial, actions }, splitSeed) => {
        const s = start(kind, trial);
        for (const a of actions) act(s, a);
        const split = splitSeed % (s.events.length + 1);
        const stored = JSON.parse(JSON.stringify(s.events)); // as read back from the event store
        expect(fold(stored)).toEqual(s.state);
        expect(fold(stored.slice(split), fold(stored.slice(0, split)))).toEqual(s.state);
      }),
      { numRuns: 60 },
    );
  });

  it('fires every deadline exactly once: after advancing, nothing due remains in the plan', () => {
    fc.assert(
      fc.property(journeys, ({ start: kind, trial, actions }) => {
        const s = start(kind, trial);
        for (const a of actions) act(s, a);
        s.advanceTo(s.now);
        expect(plan(s.state).filter((d) => Date.parse(d.dueAt) <= s.now.getTime())).toEqual([]);
        const ids = s.events.flatMap((e) => (e.type === 'DeviationCandidateRaised' ? [e.data.deviationId] : e.type === 'ReminderDue' ? [e.data.reminderId] : []));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 60 },
    );
  });
});
