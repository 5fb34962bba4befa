import { upcast } from '@trialflow/domain';
import type { EntityManager } from 'typeorm';
import { entryPositions, readAuditedEvents } from './audited-events.js';

export interface FieldChange {
  readonly field: string;
  readonly previous: unknown;
  readonly corrected: unknown;
}

export interface TimelineEntry {
  readonly streamPosition: number;
  readonly globalPosition: number;
  readonly eventId: string;
  /** What: the event type and its data (lifted to the current schema version). */
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  /** When: at the site (clinical time) and in the record (the store's UTC recording time). */
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** Who: the actor of the command, their role and site. */
  readonly who: { readonly actorId: string | null; readonly role: string | null; readonly siteId: string | null };
  /**
   * For an imported journey (source records entered after the fact): who ran the import. `who` stays the person
   * who made the entry at the source, `occurredAt` its time there, `recordedAt` the import's time.
   */
  readonly importedBy: { readonly actorId: string | null; readonly role: string | null; readonly name: string | null } | null;
  /** Why: the reason given with the command, or the reason or rationale the event itself records. */
  readonly why: string | null;
  readonly commandId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  /** For a correction: the entry corrected, where it was recorded, and each field's previous and new value side by side. */
  readonly correction: { readonly entryId: string; readonly entryType: string; readonly correctsPosition: number | null; readonly changes: readonly FieldChange[] } | null;
  /** For a void: the entry voided and where it was recorded. */
  readonly voiding: { readonly entryId: string; readonly entryType: string; readonly voidsPosition: number | null } | null;
  /** For an entry: the positions of the events that later corrected or voided it. */
  readonly correctedBy: readonly number[];
  readonly voidedBy: number | null;
  readonly hash: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A participant's (or any stream's) full audit trail: every event with who, what, when and why. */
export async function timeline(db: EntityManager, streamId: string): Promise<TimelineEntry[]> {
  const events = await readAuditedEvents(db, streamId);
  const entries = entryPositions(events);
  const correctedBy = new Map<number, number[]>();
  const voidedBy = new Map<number, number>();
  for (const e of events) {
    const target = typeof e.data.entryId === 'string' ? entries.get(e.data.entryId) : undefined;
    if (target === undefined) continue;
    if (e.eventType === 'EntryCorrected') correctedBy.set(target, [...(correctedBy.get(target) ?? []), e.streamPosition]);
    if (e.eventType === 'EntryVoided') voidedBy.set(target, e.streamPosition);
  }
  return events.map((e): TimelineEntry => {
    const event = upcast({ type: e.eventType, schemaVersion: e.schemaVersion, occurredAt: e.occurredAt, data: e.data });
    const data = event.data as unknown as Record<string, unknown>;
    const actor = (e.metadata.actor ?? {}) as Record<string, unknown>;
    const importer = e.metadata.importedBy as Record<string, unknown> | undefined;
    const target = typeof data.entryId === 'string' ? (entries.get(data.entryId) ?? null) : null;
    return {
      streamPosition: e.streamPosition,
      globalPosition: e.globalPosition,
      eventId: e.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      who: { actorId: text(actor.id), role: text(actor.role), siteId: text(actor.siteId) },
      importedBy: importer ? { actorId: text(importer.id), role: text(importer.role), name: text(importer.name) } : null,
      why: text(e.metadata.reason) ?? text(data.reason) ?? text(data.rationale),
      commandId: text(e.metadata.commandId),
      correlationId: text(e.metadata.correlationId),
      causationId: text(e.metadata.causationId),
      correction:
        event.type === 'EntryCorrected'
          ? {
              entryId: event.data.entryId,
              entryType: event.data.entryType,
              correctsPosition: target,
              changes: Object.entries(event.data.changes).map(([field, c]) => ({ field, previous: c.previous, corrected: c.corrected })),
            }
          : null,
      voiding: event.type === 'EntryVoided' ? { entryId: event.data.entryId, entryType: event.data.entryType, voidsPosition: target } : null,
      correctedBy: correctedBy.get(e.streamPosition) ?? [],
      voidedBy: voidedBy.get(e.streamPosition) ?? null,
      hash: e.hash,
    };
  });
}
