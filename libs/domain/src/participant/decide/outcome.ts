import type { Decision, DomainError } from '../../shared/domain-error.js';
import { toIso } from '../../shared/time.js';
import type { DeviationCandidate, ParticipantEvent } from '../events.js';
import type { ParticipantState } from '../state.js';

export type ParticipantDecision = Decision<ParticipantEvent>;

export const accepted = (...events: ParticipantEvent[]): ParticipantDecision => ({ ok: true, events });
export const rejected = (error: DomainError): ParticipantDecision => ({ ok: false, error });

/** A deviation candidate event, unless the same deviation (by id) was already raised for this participant. */
export function deviationCandidate(state: ParticipantState, now: Date, candidate: DeviationCandidate): ParticipantEvent[] {
  if (state.deviations.some((d) => d.deviationId === candidate.deviationId)) return [];
  return [{ type: 'DeviationCandidateRaised', schemaVersion: 1, occurredAt: toIso(now), data: candidate }];
}
