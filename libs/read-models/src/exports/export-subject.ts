import { findProtocol, upcast, type Cohort, type ParticipantEvent, type Protocol, type Site } from '@trialflow/domain';
import type { StoredEvent } from '@trialflow/event-store';

/** One participant's stream as read from the event store, in position order: what every export is built from. */
export interface ExportSubject {
  readonly streamId: string;
  readonly events: readonly StoredEvent[];
}

/** A stored event lifted to the current schema of its type (upcast), with the store's own facts beside it. */
export interface RecordedEvent {
  readonly stored: StoredEvent;
  readonly event: ParticipantEvent;
}

/** Who the participant is in the trial, from the registration event, and the protocol context it names. */
export interface SubjectFacts {
  readonly streamId: string;
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly protocolVersion: string;
  readonly cohortId: string;
  readonly siteId: string;
  readonly ageYears?: number;
  readonly sex?: 'F' | 'M';
  readonly protocol?: Protocol;
  readonly cohort?: Cohort;
  readonly site?: Site;
  /** The site's UTC offset: clinical instants are shown as the site's local date and time. */
  readonly utcOffsetMinutes: number;
  readonly events: readonly RecordedEvent[];
}

export const recordedEvents = (subject: ExportSubject): RecordedEvent[] =>
  subject.events.map((stored) => ({
    stored,
    event: upcast({ type: stored.eventType, schemaVersion: stored.schemaVersion, occurredAt: stored.occurredAt, data: stored.data }),
  }));

/** The subject's facts, or undefined for a stream that does not start with a registration (not a participant). */
export function subjectFacts(subject: ExportSubject): SubjectFacts | undefined {
  const events = recordedEvents(subject);
  const registered = events.find((e) => e.event.type === 'ParticipantRegistered')?.event;
  if (registered?.type !== 'ParticipantRegistered') return undefined;
  const d = registered.data;
  const protocol = findProtocol(d.trialId, d.protocolVersion) ?? findProtocol(d.trialId);
  const site = protocol?.sites.find((s) => s.id === d.siteId);
  const cohort = protocol?.cohorts.find((c) => c.id === d.cohortId);
  return {
    streamId: subject.streamId,
    participantId: d.participantId,
    participantCode: d.participantCode,
    trialId: d.trialId,
    protocolVersion: d.protocolVersion,
    cohortId: d.cohortId,
    siteId: d.siteId,
    ...(d.ageYears === undefined ? {} : { ageYears: d.ageYears }),
    ...(d.sex === undefined ? {} : { sex: d.sex }),
    ...(protocol ? { protocol } : {}),
    ...(cohort ? { cohort } : {}),
    ...(site ? { site } : {}),
    utcOffsetMinutes: site?.utcOffsetMinutes ?? 0,
    events,
  };
}

/** A correctable entry as it stands now: its data with every correction applied, and whether it was voided. */
export interface CurrentEntry {
  readonly recorded: RecordedEvent;
  readonly data: Readonly<Record<string, unknown>>;
  readonly voided: boolean;
}

const restates = (type: string): boolean => type === 'EntryCorrected' || type === 'EntryVoided';

/** Entries by entry id (the id of the command that recorded them), with corrections and voids applied in order. */
export function currentEntries(events: readonly RecordedEvent[]): Map<string, CurrentEntry> {
  const entries = new Map<string, CurrentEntry>();
  for (const recorded of events) {
    const { event } = recorded;
    const data = event.data as unknown as Record<string, unknown>;
    if (event.type === 'EntryCorrected') {
      const entry = entries.get(event.data.entryId);
      if (!entry) continue;
      const patch = Object.fromEntries(Object.entries(event.data.changes).map(([field, change]) => [field, change.corrected]));
      entries.set(event.data.entryId, { ...entry, data: { ...entry.data, ...patch } });
    } else if (event.type === 'EntryVoided') {
      const entry = entries.get(event.data.entryId);
      if (entry) entries.set(event.data.entryId, { ...entry, voided: true });
    } else if (typeof data.entryId === 'string' && !restates(event.type) && !entries.has(data.entryId)) {
      entries.set(data.entryId, { recorded, data, voided: false });
    }
  }
  return entries;
}

/** The current, non-voided entries recorded by events of one type, in stream order. */
export const liveEntriesOf = (entries: ReadonlyMap<string, CurrentEntry>, type: ParticipantEvent['type']): CurrentEntry[] =>
  [...entries.values()].filter((e) => e.recorded.event.type === type && !e.voided);
