import { participantProjection } from '../participant-view/participant-projection.js';
import type { ParticipantView } from '../participant-view/participant-view.js';
import { DeviationRow } from './deviation.entity.js';

/** Every deviation of the participant with its status (from the domain) and its decision trail (from the events). */
export function deviationRows(view: ParticipantView): DeviationRow[] {
  const s = view.state;
  if (!s.participantCode || !s.trialId) return [];
  return s.deviations.map((d): DeviationRow => {
    const audit = view.deviations[d.deviationId];
    return {
      participantId: view.participantId,
      deviationId: d.deviationId,
      participantCode: s.participantCode!,
      trialId: s.trialId!,
      cohortId: s.cohortId ?? '',
      siteId: s.siteId ?? '',
      rule: d.rule,
      important: d.important,
      description: d.description,
      relatedEntryIds: [...d.relatedEntryIds],
      status: d.status,
      raisedAt: new Date(audit?.raisedAt ?? view.lastRecordedAt),
      raisedAtVersion: audit?.raisedAtVersion ?? view.version,
      decidedAt: d.status !== 'CANDIDATE' && audit?.decidedAt ? new Date(audit.decidedAt) : null,
      decidedBy: d.status !== 'CANDIDATE' ? (audit?.decidedBy ?? null) : null,
      decidedByRole: d.status !== 'CANDIDATE' ? (audit?.decidedByRole ?? null) : null,
      decisionReason: d.status !== 'CANDIDATE' ? (audit?.decisionReason ?? null) : null,
      lastStreamVersion: view.version,
      updatedAt: new Date(view.lastRecordedAt),
    };
  });
}

export const deviationsProjection = participantProjection('deviations', [{ table: 'rm_deviations', entity: DeviationRow, rowsOf: deviationRows }]);
