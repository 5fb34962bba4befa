import type { IsoDate, IsoInstant } from '@trialflow/domain';
import type { ParticipantView } from '../participant-view/participant-view.js';
import { safetyRows } from '../safety/safety.projection.js';

/** A decision of the participant's record that waits for the investigator's e-signature (21 CFR 11.50). */
export interface PendingSignature {
  readonly kind: 'ELIGIBILITY' | 'DLT_ADJUDICATION';
  /** The screening episode (eligibility) or the DLT candidate id. */
  readonly subjectId: string;
  readonly what: string;
  /** Since when: the evaluation's instant (eligibility), or the candidate's onset date (DLT). */
  readonly sinceInstant: IsoInstant | null;
  readonly sinceDate: IsoDate | null;
}

/**
 * What the investigator still has to sign for a participant: an eligibility evaluation that found the
 * participant eligible and is not signed (a new evaluation voids an earlier signature in the domain's fold),
 * and each DLT candidate not yet adjudicated, as the safety rows list them (`dltStatus` PENDING).
 */
export function pendingSignatures(view: ParticipantView): PendingSignature[] {
  const s = view.state;
  const evaluation = s.screening.evaluation;
  const eligibility: PendingSignature[] =
    s.phase === 'SCREENING' && evaluation?.eligible && !s.screening.signature
      ? [{ kind: 'ELIGIBILITY', subjectId: String(s.screening.episode), what: 'Eligibility evaluation to sign', sinceInstant: evaluation.evaluatedAt, sinceDate: null }]
      : [];
  const adjudications = safetyRows(view)
    .filter((row) => row.kind === 'DLT_CANDIDATE' && row.dltStatus === 'PENDING')
    .map((row): PendingSignature => ({ kind: 'DLT_ADJUDICATION', subjectId: row.entryId, what: `DLT candidate to adjudicate (${row.term})`, sinceInstant: null, sinceDate: row.onsetOn }));
  return [...eligibility, ...adjudications];
}
