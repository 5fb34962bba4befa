import { evolve, initialState, upcast, type ParticipantEvent, type ParticipantState } from '@trialflow/domain';
import type { StoredEvent } from '@trialflow/event-store';

const STREAM_PREFIX = 'participant-';

export const isParticipantStream = (streamId: string): boolean => streamId.startsWith(STREAM_PREFIX);
export const participantIdOf = (streamId: string): string => streamId.slice(STREAM_PREFIX.length);

/** Who decided on a deviation candidate, when and why: from the deciding event and its metadata. */
export interface DeviationAudit {
  readonly raisedAt: string;
  readonly raisedAtVersion: number;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly decidedByRole?: string;
  readonly decisionReason?: string;
}

export interface ReminderAudit {
  readonly visitId?: string;
  readonly dueOn: string;
  readonly sentAt: string;
  readonly escalation: boolean;
  readonly delivery?: 'DELIVERED' | 'FAILED';
}

/**
 * What every participant read model is derived from: the domain's own fold of the stream (`evolve`, after
 * `upcast`), plus the few audit facts the domain state does not keep (who decided a deviation, when a
 * reminder went out). A pure function of the stream's events, so an incremental build and a rebuild from
 * position zero produce the same rows.
 */
export interface ParticipantView {
  readonly streamId: string;
  readonly participantId: string;
  /** Stream version folded: the version every row derived from this view reflects. */
  readonly version: number;
  readonly state: ParticipantState;
  /** Recording time of the last event folded. */
  readonly lastRecordedAt: string;
  readonly deviations: Readonly<Record<string, DeviationAudit>>;
  readonly reminders: Readonly<Record<string, ReminderAudit>>;
  /** Assessments done at each completed visit, by the visit's entry id (as corrected). */
  readonly visitAssessments: Readonly<Record<string, readonly string[]>>;
}

export const emptyView = (streamId: string): ParticipantView => ({
  streamId,
  participantId: participantIdOf(streamId),
  version: 0,
  state: initialState,
  lastRecordedAt: '',
  deviations: {},
  reminders: {},
  visitAssessments: {},
});

export const domainEventOf = (stored: StoredEvent): ParticipantEvent =>
  upcast({ type: stored.eventType, schemaVersion: stored.schemaVersion, occurredAt: stored.occurredAt, data: stored.data });

/** The only events whose metadata the view reads (who decided a deviation): the feed leaves the others' out. */
export const VIEW_METADATA_OF: readonly string[] = ['DeviationConfirmed', 'DeviationDismissed'];

const actorOf = (stored: StoredEvent): { id?: string; role?: string } => {
  const actor = stored.metadata.actor as { id?: unknown; role?: unknown } | undefined;
  return { ...(typeof actor?.id === 'string' ? { id: actor.id } : {}), ...(typeof actor?.role === 'string' ? { role: actor.role } : {}) };
};

/** Folds the next event of the stream (its position must be `view.version + 1`). */
export function evolveView(view: ParticipantView, stored: StoredEvent): ParticipantView {
  if (stored.streamPosition !== view.version + 1) {
    throw new Error(`${view.streamId}: event at position ${stored.streamPosition} folded onto version ${view.version}`);
  }
  const event = domainEventOf(stored);
  const next = { ...view, version: stored.streamPosition, state: evolve(view.state, event), lastRecordedAt: stored.recordedAt };
  switch (event.type) {
    case 'DeviationCandidateRaised':
      return { ...next, deviations: { ...view.deviations, [event.data.deviationId]: { raisedAt: event.occurredAt, raisedAtVersion: stored.streamPosition } } };
    case 'DeviationConfirmed':
    case 'DeviationDismissed': {
      const raised = view.deviations[event.data.deviationId];
      if (!raised) return next;
      const actor = actorOf(stored);
      const decision = { decidedAt: event.occurredAt, decisionReason: event.data.reason, ...(actor.id ? { decidedBy: actor.id } : {}), ...(actor.role ? { decidedByRole: actor.role } : {}) };
      return { ...next, deviations: { ...view.deviations, [event.data.deviationId]: { ...raised, ...decision } } };
    }
    case 'ReminderDue': {
      const { reminderId, visitId, dueOn, escalation } = event.data;
      return { ...next, reminders: { ...view.reminders, [reminderId]: { ...(visitId ? { visitId } : {}), dueOn, sentAt: event.occurredAt, escalation } } };
    }
    case 'ReminderDelivered':
    case 'ReminderDeliveryFailed': {
      const reminder = view.reminders[event.data.reminderId];
      if (!reminder) return next;
      const delivery = event.type === 'ReminderDelivered' ? 'DELIVERED' : 'FAILED';
      return { ...next, reminders: { ...view.reminders, [event.data.reminderId]: { ...reminder, delivery } } };
    }
    case 'VisitCompleted':
      return { ...next, visitAssessments: { ...view.visitAssessments, [event.data.entryId]: event.data.assessments } };
    case 'EntryCorrected': {
      const corrected = event.data.changes.assessments?.corrected;
      if (event.data.entryType !== 'VisitCompleted' || !Array.isArray(corrected)) return next;
      return { ...next, visitAssessments: { ...view.visitAssessments, [event.data.entryId]: corrected.map(String) } };
    }
    default:
      return next;
  }
}
