import type { IsoDate } from '@trialflow/domain';
import { deviationRows } from '../deviations/deviations.projection.js';
import type { DeviationRow } from '../deviations/deviation.entity.js';
import { journeyContext } from '../participant-view/journey-facts.js';
import type { ParticipantView } from '../participant-view/participant-view.js';
import { siteDateOf } from '../participants/roster.query.js';
import { pendingSignatures, type PendingSignature } from './pending-signatures.js';
import { byUrgency, classifyWorklistItem, withinHorizon, type WorklistEntry } from './worklist-classification.js';
import { worklistRows } from './worklist.projection.js';

export interface ParticipantWorklist {
  /** The site's calendar date at the instant: what "due today" and "overdue" are judged against. */
  readonly today: IsoDate | null;
  /** Open items up to the horizon, most urgent first, each classified at the instant. */
  readonly items: readonly WorklistEntry[];
  readonly deviationCandidates: readonly DeviationRow[];
  readonly pendingSignatures: readonly PendingSignature[];
}

export interface WorklistAt {
  readonly instant: Date;
  readonly horizonDays?: number;
  readonly closingSoonDays?: number;
}

/**
 * One participant's part of the coordinators' worklist at an instant, from a view of their stream: the same
 * derivations the worklist, deviations and safety projections store (`worklistRows`, `deviationRows`,
 * `safetyRows`), classified by the same rules the live worklist reads with (`classifyWorklistItem`), so an
 * auditor's worklist "as of" a past instant is what the coordinator's screen was built from then.
 */
export function participantWorklistAt(view: ParticipantView, at: WorklistAt): ParticipantWorklist {
  const site = journeyContext(view)?.site;
  if (!site) return { today: null, items: [], deviationCandidates: [], pendingSignatures: [] };
  const today = siteDateOf({ siteUtcOffsetMinutes: site.utcOffsetMinutes }, at.instant);
  const items = worklistRows(view)
    .filter((row) => withinHorizon(row, today, at.horizonDays))
    .sort(byUrgency)
    .map((row) => classifyWorklistItem(row, { today, now: at.instant, closingSoonDays: at.closingSoonDays }));
  return {
    today,
    items,
    deviationCandidates: deviationRows(view).filter((d) => d.status === 'CANDIDATE'),
    pendingSignatures: pendingSignatures(view),
  };
}
