import { toIso } from '../../shared/time.js';
import type { CompleteStudy, MarkLostToFollowUp, RecordDeath, Withdraw } from '../commands.js';
import { visitWindows } from '../planning/visit-windows.js';
import type { ParticipantState } from '../state.js';
import { error, firstFailure, notInFuture, reasonGiven, registered, requireContext, validDate } from './guards.js';
import { accepted, rejected, type ParticipantDecision } from './outcome.js';

const notAlreadyEnded = (state: ParticipantState) =>
  state.phase === 'ENDED' && !(state.endReason === 'WITHDRAWN' && state.safetyFollowUpOnly)
    ? error('JOURNEY_ENDED', 'The participant has already left the study.')
    : undefined;

export function withdraw(state: ParticipantState, command: Withdraw, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => (state.phase === 'ENDED' ? error('JOURNEY_ENDED', 'The participant has already left the study.') : undefined),
    () => reasonGiven(command.data.reason),
    () => validDate(command.data.withdrawnOn, 'withdrawnOn'),
    () => notInFuture(command.data.withdrawnOn, now, 'withdrawnOn', state),
  );
  if (failure) return rejected(failure);
  return accepted({ type: 'Withdrawn', schemaVersion: 2, occurredAt: toIso(now), data: { reason: command.data.reason, safetyFollowUpConsented: command.data.safetyFollowUpConsented, withdrawnOn: command.data.withdrawnOn } });
}

export function markLostToFollowUp(state: ParticipantState, command: MarkLostToFollowUp, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notAlreadyEnded(state),
    () => validDate(command.data.lastContactOn, 'lastContactOn'),
    () => notInFuture(command.data.lastContactOn, now, 'lastContactOn', state),
    // Lost to follow-up is declared after documented attempts to reach the participant [typ: three].
    () => (!(command.data.attempts >= 3) ? error('CONTACT_ATTEMPTS_REQUIRED', 'Document at least three attempts to reach the participant.', 'attempts') : undefined),
  );
  if (failure) return rejected(failure);
  return accepted({ type: 'LostToFollowUp', schemaVersion: 1, occurredAt: toIso(now), data: command.data });
}

export function recordDeath(state: ParticipantState, command: RecordDeath, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => (state.endReason === 'DIED' ? error('JOURNEY_ENDED', 'The death is already recorded.') : undefined),
    () => validDate(command.data.diedOn, 'diedOn'),
    () => notInFuture(command.data.diedOn, now, 'diedOn', state),
    () => reasonGiven(command.data.cause, 'cause'),
  );
  if (failure) return rejected(failure);
  return accepted({ type: 'Died', schemaVersion: 1, occurredAt: toIso(now), data: command.data });
}

export function completeStudy(state: ParticipantState, command: CompleteStudy, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => (state.phase === 'ENDED' ? error('JOURNEY_ENDED', 'The participant has already left the study.') : undefined),
    () => (!state.infusion ? error('STUDY_NOT_FINISHED', 'The participant has not been treated.') : undefined),
    () => validDate(command.data.completedOn, 'completedOn'),
    () => notInFuture(command.data.completedOn, now, 'completedOn', state),
  );
  if (failure) return rejected(failure);
  const { protocol } = requireContext(state);
  const last = visitWindows(protocol, state).at(-1);
  const lastDone = last && (state.visits.some((v) => v.value.visitId === last.visit.id) || state.missedVisits.includes(last.visit.id));
  if (!lastDone) return rejected(error('STUDY_NOT_FINISHED', `The end-of-study visit (${last?.visit.label ?? 'last visit'}) is neither done nor missed.`));
  return accepted({ type: 'StudyCompleted', schemaVersion: 1, occurredAt: toIso(now), data: command.data });
}

export { reasonGiven };
