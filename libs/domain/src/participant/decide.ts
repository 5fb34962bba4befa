import { accept, assertNever, reject, type Decision } from '../shared/domain-error.js';
import { toIso } from '../shared/time.js';
import type { ParticipantCommand, ReachDeadline, RegisterParticipant } from './commands.js';
import type { ParticipantEvent } from './events.js';
import { plan } from './plan.js';
import { checkRegistration } from './registration-rules.js';
import type { ParticipantState } from './state.js';

type ParticipantDecision = Decision<ParticipantEvent>;

/** The journey's rules: given the state and a command at instant `now`, the events to record or why not. */
export function decide(state: ParticipantState, command: ParticipantCommand, now: Date): ParticipantDecision {
  switch (command.type) {
    case 'RegisterParticipant':
      return register(state, command, now);
    case 'ReachDeadline':
      return reachDeadline(state, command);
    default:
      return assertNever(command);
  }
}

function register(state: ParticipantState, command: RegisterParticipant, now: Date): ParticipantDecision {
  if (state.phase !== 'UNREGISTERED') {
    return reject('PARTICIPANT_ALREADY_REGISTERED', `Participant code '${state.participantCode}' is already registered.`, 'participantCode');
  }
  const checked = checkRegistration(command.data);
  if (!checked.ok) return { ok: false, error: checked.error };
  return accept({
    type: 'ParticipantRegistered',
    schemaVersion: 1,
    occurredAt: toIso(now),
    data: { ...command.data, protocolVersion: checked.protocol.protocolVersion },
  });
}

function reachDeadline(state: ParticipantState, command: ReachDeadline): ParticipantDecision {
  // Only a deadline that the current plan still contains fires: a timer armed before a correction moved
  // it must not act on the stale date.
  const deadline = plan(state).find((d) => d.id === command.data.deadlineId && d.dueAt === command.data.dueAt);
  if (!deadline) return reject('DEADLINE_NOT_PENDING', `Deadline '${command.data.deadlineId}' is not pending at ${command.data.dueAt}.`);
  switch (deadline.kind) {
    case 'SCREENING_WINDOW_CLOSES': {
      const openedAt = state.screeningOpenedAt ?? deadline.dueAt;
      const windowDays = Math.round((Date.parse(deadline.dueAt) - Date.parse(openedAt)) / 86_400_000);
      return accept({ type: 'ScreeningWindowElapsed', schemaVersion: 1, occurredAt: deadline.dueAt, data: { windowDays, openedAt } });
    }
    default:
      return assertNever(deadline.kind);
  }
}
