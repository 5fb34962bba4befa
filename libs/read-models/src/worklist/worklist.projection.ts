import { localDateOf, plan } from '@trialflow/domain';
import { journeyContext, pendingVisits } from '../participant-view/journey-facts.js';
import { participantProjection } from '../participant-view/participant-projection.js';
import type { ParticipantView, ReminderAudit } from '../participant-view/participant-view.js';
import { WorklistItemRow } from './worklist-item.entity.js';

/** Reminders are a visit's own business (sent or to come), not items of their own. */
const NOT_ITEMS = new Set(['VISIT_REMINDER', 'VISIT_WINDOW_CLOSES']);

/** The participant's open items, from the domain's plan: a re-plan after any event moves or removes them. */
export function worklistRows(view: ParticipantView): WorklistItemRow[] {
  const s = view.state;
  const context = journeyContext(view);
  if (!context || !s.participantCode) return [];
  const offset = context.site.utcOffsetMinutes;
  const deadlines = plan(s);
  const reminders = Object.entries(view.reminders);
  const base = {
    participantId: view.participantId,
    participantCode: s.participantCode,
    trialId: context.protocol.trialId,
    cohortId: context.cohort.id,
    siteId: context.site.id,
    siteUtcOffsetMinutes: offset,
    lastStreamVersion: view.version,
    updatedAt: new Date(view.lastRecordedAt),
  };
  const visits = pendingVisits(view, context, deadlines).map(({ window, closes }): WorklistItemRow => {
    const sent = reminders.filter(([, r]) => r.visitId === window.visit.id).sort(([, a], [, b]) => a.sentAt.localeCompare(b.sentAt));
    const last = sent.at(-1);
    return {
      ...base,
      itemId: `visit:${window.visit.id}`,
      kind: 'VISIT',
      label: window.visit.label,
      visitId: window.visit.id,
      dueOn: window.target,
      dueAt: new Date(closes.dueAt),
      windowOpens: window.opens,
      windowCloses: window.closes,
      ...reminderFacts(sent.map(([, r]) => r)),
      lastReminderId: last?.[0] ?? null,
      lastReminderAt: last ? new Date(last[1].sentAt) : null,
    };
  });
  const others = deadlines
    .filter((d) => !NOT_ITEMS.has(d.kind))
    .map((d): WorklistItemRow => ({
      ...base,
      itemId: d.id,
      kind: d.kind,
      label: d.label,
      visitId: d.visitId ?? null,
      dueOn: localDateOf(d.dueAt, offset),
      dueAt: new Date(d.dueAt),
      windowOpens: null,
      windowCloses: null,
      remindersSent: 0,
      remindersFailed: 0,
      escalated: false,
      lastReminderId: null,
      lastReminderAt: null,
    }));
  return [...visits, ...others];
}

const reminderFacts = (sent: readonly ReminderAudit[]) => ({
  remindersSent: sent.length,
  remindersFailed: sent.filter((r) => r.delivery === 'FAILED').length,
  escalated: sent.some((r) => r.escalation),
});

export const worklistProjection = participantProjection('worklist', [{ table: 'rm_worklist_items', entity: WorklistItemRow, rowsOf: worklistRows }]);
