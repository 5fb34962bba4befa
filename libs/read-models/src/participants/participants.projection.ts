import { plan } from '@trialflow/domain';
import { journeyContext, pendingVisits } from '../participant-view/journey-facts.js';
import { participantProjection } from '../participant-view/participant-projection.js';
import type { ParticipantView } from '../participant-view/participant-view.js';
import { pendingSignatures } from '../worklist/pending-signatures.js';
import { ParticipantRow } from './participant.entity.js';

const date = (instant: string | undefined): Date | null => (instant ? new Date(instant) : null);

/** The roster row of a registered participant: where they are in the journey, what comes next, what is open. */
export function rosterRows(view: ParticipantView): ParticipantRow[] {
  const s = view.state;
  if (!s.participantCode || !s.trialId || !s.registeredAt) return [];
  const context = journeyContext(view);
  const deadlines = plan(s);
  const next = context ? pendingVisits(view, context, deadlines).sort((a, b) => a.window.target.localeCompare(b.window.target))[0] : undefined;
  const nextDeadline = deadlines.find((d) => d.kind !== 'VISIT_REMINDER');
  const eligibilityToSign = pendingSignatures(view).find((p) => p.kind === 'ELIGIBILITY');
  const row: ParticipantRow = {
    participantId: view.participantId,
    participantCode: s.participantCode,
    trialId: s.trialId,
    protocolVersion: s.protocolVersion ?? '',
    cohortId: s.cohortId ?? '',
    siteId: s.siteId ?? '',
    phase: s.phase,
    registeredAt: new Date(s.registeredAt),
    screeningWindowElapsed: s.screening.windowElapsed,
    lastStreamVersion: view.version,
    updatedAt: new Date(view.lastRecordedAt),
    endReason: s.endReason ?? null,
    doseLevelId: s.doseLevelId ?? null,
    enrolledAt: date(s.enrolledAt),
    infusionDate: s.infusion?.infusionDate ?? null,
    dayNumbering: context?.protocol.dayNumbering ?? null,
    siteUtcOffsetMinutes: context?.site.utcOffsetMinutes ?? null,
    nextVisitId: next?.window.visit.id ?? null,
    nextVisitLabel: next?.window.visit.label ?? null,
    nextVisitTarget: next?.window.target ?? null,
    nextVisitOpens: next?.window.opens ?? null,
    nextVisitCloses: next?.window.closes ?? null,
    nextDeadlineKind: nextDeadline?.kind ?? null,
    nextDeadlineLabel: nextDeadline?.label ?? null,
    nextDeadlineAt: date(nextDeadline?.dueAt),
    safetyFollowUpOnly: s.safetyFollowUpOnly,
    openDeviations: s.deviations.filter((d) => d.status === 'CANDIDATE').length,
    pendingDltCandidates: s.dlt.candidates.filter((c) => !c.adjudicated).length,
    eligibilityToSignSince: date(eligibilityToSign?.sinceInstant ?? undefined),
    confirmedDlts: s.dlt.candidates.filter((c) => c.isDlt === true).length,
    saeReportsDue: s.adverseEvents.filter((ae) => ae.serious && !ae.reportedToSponsorAt).length,
    missedVisits: s.missedVisits.length,
    dltWindowClosed: s.dlt.windowClosed,
    aeCollectionEnded: s.aeCollectionEnded,
  };
  return [row];
}

export const participantsProjection = participantProjection('participants', [{ table: 'rm_participants', entity: ParticipantRow, rowsOf: rosterRows }]);
