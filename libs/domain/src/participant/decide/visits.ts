import { toIso } from '../../shared/time.js';
import type { CompleteVisit, RecordUnscheduledVisit } from '../commands.js';
import type { ParticipantEvent } from '../events.js';
import { windowOf } from '../planning/visit-windows.js';
import type { ParticipantState } from '../state.js';
import { error, firstFailure, notEnded, notInFuture, reasonGiven, registered, requireContext, validDate } from './guards.js';
import { accepted, deviationCandidate, rejected, type ParticipantDecision } from './outcome.js';

export function completeVisit(state: ParticipantState, command: CompleteVisit, now: Date): ParticipantDecision {
  const { visitId, actualDate, assessments } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state, true),
    () => (!state.infusion ? error('NOT_INFUSED', 'Scheduled follow-up visits start after the infusion.') : undefined),
    () => validDate(actualDate, 'actualDate'),
    () => notInFuture(actualDate, now, 'actualDate', state),
    () => (state.visits.some((v) => v.value.visitId === visitId) ? error('VISIT_ALREADY_COMPLETED', `Visit ${visitId} is already recorded; correct its date instead.`, 'visitId') : undefined),
    () => (state.infusion && actualDate < state.infusion.infusionDate ? error('VISIT_BEFORE_INFUSION', 'A follow-up visit cannot precede the infusion.', 'actualDate') : undefined),
  );
  if (failure) return rejected(failure);
  const { protocol } = requireContext(state);
  const window = windowOf(protocol, state, visitId);
  if (!window) return rejected(error('UNKNOWN_VISIT', `Visit '${visitId}' is not in the protocol's schedule.`, 'visitId'));
  const inWindow = actualDate >= window.opens && actualDate <= window.closes;
  // A visit done after its window was declared missed is still recorded, with its actual date.
  const events: ParticipantEvent[] = [{ type: 'VisitCompleted', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, visitId, actualDate, assessments, inWindow } }];
  if (!inWindow) {
    events.push(
      ...deviationCandidate(state, now, {
        deviationId: `visit-out-of-window:${visitId}`,
        rule: 'VISIT_OUT_OF_WINDOW',
        important: window.visit.closesDltWindow,
        description: `${window.visit.label} done on ${actualDate}, outside its window ${window.opens} to ${window.closes}.`,
        relatedEntryIds: [command.commandId],
      }),
    );
  }
  return accepted(...events);
}

export function recordUnscheduledVisit(state: ParticipantState, command: RecordUnscheduledVisit, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state, true),
    () => validDate(command.data.visitDate, 'visitDate'),
    () => notInFuture(command.data.visitDate, now, 'visitDate', state),
    () => reasonGiven(command.data.reason),
  );
  if (failure) return rejected(failure);
  return accepted({ type: 'UnscheduledVisitRecorded', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, ...command.data } });
}
