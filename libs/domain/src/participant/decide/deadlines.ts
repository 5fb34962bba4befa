import { toIso } from '../../shared/time.js';
import type { ReachDeadline } from '../commands.js';
import type { ParticipantEvent } from '../events.js';
import type { Deadline } from '../planning/deadline.js';
import { plan } from '../planning/plan.js';
import { visitWindows } from '../planning/visit-windows.js';
import { washoutCompleteOn } from '../planning/washout.js';
import { localDateOf } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';
import { dltCandidates } from './dlt-screening.js';
import { error, requireContext } from './guards.js';
import { accepted, deviationCandidate, rejected, type ParticipantDecision } from './outcome.js';

/**
 * A timer fired. Only a deadline the current plan still contains acts (a timer armed before a correction
 * moved it must not act on the stale date), and what it records depends on its kind.
 */
export function reachDeadline(state: ParticipantState, command: ReachDeadline, now: Date): ParticipantDecision {
  const deadline = plan(state).find((d) => d.id === command.data.deadlineId && d.dueAt === command.data.dueAt);
  if (!deadline) return rejected(error('DEADLINE_NOT_PENDING', `Deadline '${command.data.deadlineId}' is not pending at ${command.data.dueAt}.`));
  if (now.getTime() < Date.parse(deadline.dueAt)) return rejected(error('DEADLINE_NOT_REACHED', `Deadline '${deadline.id}' is due at ${deadline.dueAt}.`));
  return accepted(...eventsFor(state, deadline, now));
}

function eventsFor(state: ParticipantState, deadline: Deadline, now: Date): ParticipantEvent[] {
  const context = requireContext(state);
  const { protocol, site } = context;
  const at = deadline.dueAt;
  const dueOn = localDateOf(at, site.utcOffsetMinutes);
  switch (deadline.kind) {
    case 'SCREENING_WINDOW_CLOSES':
      return [{ type: 'ScreeningWindowElapsed', schemaVersion: 1, occurredAt: at, data: { episode: state.screening.episode, windowDays: protocol.screening.windowDays, openedAt: state.screening.openedAt ?? at } }];
    case 'WASHOUT_SATISFIED': {
      const complete = washoutCompleteOn(protocol, state);
      return [{ type: 'WashoutSatisfied', schemaVersion: 1, occurredAt: at, data: { satisfiedOn: complete?.date ?? dueOn, latestStopEntryId: complete?.entryId ?? null } }];
    }
    case 'VISIT_REMINDER':
      return [{ type: 'ReminderDue', schemaVersion: 1, occurredAt: at, data: { reminderId: deadline.id, subject: deadline.label, ...(deadline.visitId ? { visitId: deadline.visitId } : {}), dueOn, escalation: deadline.escalation ?? false } }];
    case 'VISIT_WINDOW_CLOSES': {
      const window = visitWindows(protocol, state).find((w) => w.visit.id === deadline.visitId);
      const visitId = deadline.visitId ?? '';
      const dlt = window?.visit.closesDltWindow ?? false;
      return [
        { type: 'VisitMissed', schemaVersion: 1, occurredAt: at, data: { visitId, windowClosedOn: window?.closes ?? dueOn } },
        ...deviationCandidate(state, now, {
          deviationId: `visit-missed:${visitId}`,
          rule: dlt ? 'DLT_ASSESSMENT_MISSED' : 'VISIT_MISSED',
          important: dlt,
          description: `${window?.visit.label ?? visitId} not done by the end of its window (${window?.closes ?? dueOn}).`,
          relatedEntryIds: [],
        }),
      ];
    }
    case 'DLT_WINDOW_CLOSES': {
      // Duration rules (e.g. grade 3 CRS > 72 h) can only be met with time: evaluate once more at the close.
      const late = dltCandidates(context, state, new Date(at));
      const dlts = state.dlt.candidates.filter((c) => c.isDlt).length;
      const pending = state.dlt.candidates.filter((c) => !c.adjudicated).length + late.length;
      return [...late, { type: 'DltWindowClosed', schemaVersion: 1, occurredAt: at, data: { fromDate: state.infusion?.infusionDate ?? dueOn, toDate: localDateOf(toIso(new Date(Date.parse(at) - 1)), site.utcOffsetMinutes), dltCount: dlts, pendingCandidates: pending } }];
    }
    case 'AE_COLLECTION_ENDS':
      return [{ type: 'AeCollectionEnded', schemaVersion: 1, occurredAt: at, data: { lastDate: localDateOf(toIso(new Date(Date.parse(at) - 1)), site.utcOffsetMinutes) } }];
    case 'SAE_REPORT_DUE': {
      const ae = state.adverseEvents.find((a) => a.aeId === deadline.aeId);
      return deviationCandidate(state, now, {
        deviationId: `sae-reported-late:${deadline.aeId}`,
        rule: 'SAE_REPORTED_LATE',
        important: true,
        description: `SAE '${ae?.term ?? deadline.aeId}' not reported to the sponsor within ${protocol.safetyReporting.saeReportHours} h of awareness.`,
        relatedEntryIds: ae ? [ae.entryId] : [],
      });
    }
    case 'THAW_LIMIT':
      return deviationCandidate(state, now, { deviationId: 'thaw-limit-exceeded', rule: 'THAW_LIMIT_EXCEEDED', important: true, description: `Product not infused within ${protocol.infusion.thawToInfusionLimitMinutes} min of thaw start.`, relatedEntryIds: [] });
    case 'INFUSION_DELAY_LIMIT':
      return deviationCandidate(state, now, { deviationId: 'infusion-delayed-after-ld', rule: 'INFUSION_DELAYED_AFTER_LD', important: true, description: `No infusion within ${protocol.infusion.maxDaysFromLymphodepletionEnd} days of the last lymphodepletion dose: lymphodepletion may need repeating.`, relatedEntryIds: [] });
  }
}
