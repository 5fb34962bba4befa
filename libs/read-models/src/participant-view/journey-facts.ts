import { findProtocol, plan, visitWindows, type Cohort, type Deadline, type Protocol, type Site, type VisitWindow } from '@trialflow/domain';
import type { ParticipantView } from './participant-view.js';

export interface JourneyContext {
  readonly protocol: Protocol;
  readonly cohort: Cohort;
  readonly site: Site;
}

/** The protocol version the participant is followed under (the one recorded at registration), with cohort and site. */
export function journeyContext(view: ParticipantView): JourneyContext | undefined {
  const { trialId, protocolVersion, cohortId, siteId } = view.state;
  if (!trialId) return undefined;
  const protocol = findProtocol(trialId, protocolVersion);
  const cohort = protocol?.cohorts.find((c) => c.id === cohortId);
  const site = protocol?.sites.find((s) => s.id === siteId);
  return protocol && cohort && site ? { protocol, cohort, site } : undefined;
}

export interface PendingVisit {
  readonly window: VisitWindow;
  readonly closes: Deadline;
}

/**
 * The visits still to be done, straight from the domain's planner (a visit whose window is still in the plan
 * is neither done nor declared missed, and the participant has not ended), with the window each one has.
 */
export function pendingVisits(view: ParticipantView, context: JourneyContext, deadlines: readonly Deadline[] = plan(view.state)): PendingVisit[] {
  const windows = new Map(visitWindows(context.protocol, view.state).map((w) => [w.visit.id, w]));
  return deadlines.flatMap((d) => {
    const window = d.kind === 'VISIT_WINDOW_CLOSES' && d.visitId ? windows.get(d.visitId) : undefined;
    return window ? [{ window, closes: d }] : [];
  });
}

/** Instruments the protocol schedules at a visit for the participant's cohort (cohort-specific, then `*`). */
export const instrumentsAt = (visit: VisitWindow['visit'], cohortId: string): string[] => [
  ...new Set([...(visit.instruments[cohortId] ?? []), ...(visit.instruments['*'] ?? [])]),
];
