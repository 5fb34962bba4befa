import { randomUUID } from 'node:crypto';
import { findProtocol } from '@trialflow/domain';
import type { AppendRequest, PostgresEventStore } from '@trialflow/event-store';
import { RecordedJourney, appendsOf, eventfulJourney, screenFailedJourney, withdrawnJourney } from '../../support/journeys.js';
import { progress } from './measure.js';

/** A whole 24-month journey: treatment, early toxicity, every visit on its target day (reminders delivered), completion. */
function completeJourney(trialId: string, cohortId: string, start: string): RecordedJourney {
  const s = RecordedJourney.start(trialId, cohortId, start);
  s.toEnrolled();
  s.advanceDays(2);
  s.lymphodeplete();
  s.advanceDays(3);
  s.infuse();
  s.later(24 * 60);
  s.run({ type: 'AssessCrs', data: { assessedAt: s.now.toISOString(), parameters: { temperature: { value: 38.4, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' } } } as never });
  s.run({ type: 'ReportAdverseEvent', data: { term: 'Neutrophil count decreased', grade: 2, serious: false, causality: 'PROBABLE', onsetOn: s.date(), awareAt: s.now.toISOString() } as never });
  const protocol = findProtocol(trialId)!;
  for (const visit of protocol.visits) {
    const target = new Date(Date.parse(`${s.state.infusion!.infusionDate}T02:00:00.000Z`) + visit.nominalDay * 86_400_000).toISOString();
    s.advanceTo(target);
    for (const reminderId of s.state.remindersSent.filter((id) => !s.state.remindersDelivered.some((r) => r.reminderId === id))) {
      s.run({ type: 'RecordReminderDelivery', data: { reminderId, notificationId: `n-${reminderId}`, delivered: ['webhook'], failures: [], at: s.now.toISOString() } });
    }
    const assessments = [...(visit.instruments[cohortId] ?? []), ...(visit.instruments['*'] ?? [])];
    s.run({ type: 'CompleteVisit', data: { visitId: visit.id, actualDate: target.slice(0, 10), assessments } });
  }
  s.advanceDays(40);
  s.run({ type: 'CompleteStudy', data: { completedOn: s.date() } });
  return s;
}

/** Journeys of every kind the product sees, each to be cloned for many participants. */
export function journeyTemplates(): RecordedJourney[] {
  const templates: RecordedJourney[] = [eventfulJourney(), screenFailedJourney(), withdrawnJourney()];
  const cohorts: [string, string][] = [
    ['ucart-cd19-bcma', 'SLE'], ['ucart-cd19-bcma', 'MG'], ['ucart-cd19-bcma', 'SSC'], ['ucart-cd19-bcma', 'AAV'], ['ucart-cd19-bcma', 'IIM'],
    ['ucart-cd19-bcma', 'IGG4RD'], ['cb-cd19-bcma', 'SLE_LN'], ['cb-cd19-bcma', 'SSC'], ['cb-cd19-bcma', 'PSS_PAH'],
  ];
  for (const [trialId, cohortId] of cohorts) {
    try {
      templates.push(completeJourney(trialId, cohortId, '2026-03-02T01:30:00.000Z'));
    } catch (error) {
      progress(`template ${trialId}/${cohortId} skipped: ${(error as Error).message}`);
    }
  }
  return templates;
}

/** The template's appends for another participant: new ids, same clinical story. */
function cloneFor(template: RecordedJourney): AppendRequest[] {
  const participantId = randomUUID();
  const participantCode = `BN-${participantId.slice(0, 8).toUpperCase()}`;
  const streamId = `participant-${participantId}`;
  return appendsOf(template).map((append) => ({
    ...append,
    streamId,
    events: append.events.map((e) => ({
      ...e,
      eventId: randomUUID(),
      data: e.eventType === 'ParticipantRegistered' ? { ...(e.data as object), participantId, participantCode } : e.data,
      metadata: { ...(e.metadata as object), workflowId: `participant-${participantCode}` },
    })),
  }));
}

/** Merges a participant's consecutive command appends into appends of up to `size` events (same positions). */
function chunked(appends: readonly AppendRequest[], size: number): AppendRequest[] {
  const chunks: AppendRequest[] = [];
  for (const append of appends) {
    const last = chunks.at(-1);
    if (last && last.events.length + append.events.length <= size) chunks[chunks.length - 1] = { ...last, events: [...last.events, ...append.events] };
    else chunks.push({ ...append, events: [...append.events] });
  }
  return chunks;
}

/**
 * Appends exactly `total` events through the real store (hash chain and all): participants cloned from the
 * templates, about `active` of them in progress at any time so their streams interleave in the log as they
 * would in a running trial, written by `writers` concurrent connections.
 */
export async function generateHistory(store: PostgresEventStore, total: number, options: { active?: number; writers?: number; chunk?: number } = {}): Promise<{ participants: number; events: number }> {
  const templates = journeyTemplates();
  const writers = options.writers ?? 4;
  const active = options.active ?? 400;
  let remaining = total;
  let participants = 0;
  let nextTemplate = 0;
  const start = () => {
    participants += 1;
    return chunked(cloneFor(templates[nextTemplate++ % templates.length]!), options.chunk ?? 60);
  };
  let reported = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const queues: AppendRequest[][] = [];
      for (;;) {
        while (queues.length < active / writers && remaining > 0) queues.push(start());
        const queue = queues.shift();
        if (!queue) return;
        const next = queue.shift();
        if (!next || remaining <= 0) continue;
        const events = next.events.slice(0, remaining);
        remaining -= events.length;
        await store.append({ ...next, events });
        if (queue.length > 0) queues.push(queue);
        if (total - remaining - reported >= 100_000) {
          reported = total - remaining;
          progress(`generated ${reported} events`);
        }
      }
    }),
  );
  return { participants, events: total };
}
