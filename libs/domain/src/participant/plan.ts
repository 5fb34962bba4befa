import { findProtocol } from '../protocols/protocol-registry.js';
import { addDays, type IsoInstant } from '../shared/time.js';
import type { ParticipantState } from './state.js';

export type DeadlineKind = 'SCREENING_WINDOW_CLOSES';

export interface Deadline {
  /** Stable for the same obligation, so a re-plan after an unrelated event keeps the same id. */
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly dueAt: IsoInstant;
}

/**
 * Every deadline that follows from the state, derived afresh after each event. Nothing is scheduled
 * incrementally, so a correction or an amendment moves every later deadline by construction.
 */
export function plan(state: ParticipantState): readonly Deadline[] {
  const deadlines: Deadline[] = [];
  if (state.phase === 'SCREENING' && !state.screeningWindowElapsed && state.screeningOpenedAt && state.trialId) {
    const protocol = findProtocol(state.trialId);
    if (protocol) {
      deadlines.push({
        id: 'screening-window',
        kind: 'SCREENING_WINDOW_CLOSES',
        dueAt: addDays(state.screeningOpenedAt, protocol.screening.windowDays),
      });
    }
  }
  return deadlines.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

export const nextDeadline = (state: ParticipantState): Deadline | undefined => plan(state)[0];
