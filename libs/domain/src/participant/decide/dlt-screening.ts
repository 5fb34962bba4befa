import { toIso } from '../../shared/time.js';
import type { ParticipantEvent } from '../events.js';
import type { ParticipantContext } from '../rules/protocol-of.js';
import type { ParticipantState } from '../state.js';

export interface ToxicityFinding {
  readonly kind: 'AE' | 'CRS' | 'ICANS';
  readonly entryId: string;
  readonly term: string;
  readonly grade: number;
  readonly causality: string;
}

// TEMPORARY until the protocol's DLT criteria evaluator lands (issue 4): grade ≥3 inside the window.
export function dltCandidatesFor(_context: ParticipantContext, state: ParticipantState, now: Date, finding: ToxicityFinding): ParticipantEvent[] {
  if (finding.grade < 3) return [];
  const rule = `${finding.kind}_GRADE_3_PLUS`;
  const candidateId = `${rule}:${finding.entryId}`;
  if (state.dlt.candidates.some((c) => c.candidateId === candidateId)) return [];
  return [{ type: 'DltCandidateFlagged', schemaVersion: 1, occurredAt: toIso(now), data: { candidateId, sourceEntryId: finding.entryId, rule, description: `${finding.term} grade ${finding.grade} inside the DLT window` } }];
}
