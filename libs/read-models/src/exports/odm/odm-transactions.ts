import type { Actor, Signature } from '@trialflow/domain';
import type { RecordedEvent, SubjectFacts } from '../export-subject.js';
import { flatten, type OdmDataType, type OdmValue } from './odm-items.js';
import { locate, oidCode, type OdmLocation } from './odm-layout.js';

/** Who, where, when and why of one transaction (ODM AuditRecord); the event id is its SourceID. */
export interface OdmAudit {
  readonly userOid: string;
  readonly locationOid: string;
  /** The store's recording time: when the change entered the record. */
  readonly dateTimeStamp: string;
  readonly reasonForChange?: string;
  readonly sourceId: string;
}

/** An investigator's electronic signature on the data of a transaction (ODM Signature). */
export interface OdmSignature {
  readonly userOid: string;
  readonly locationOid: string;
  readonly meaning: string;
  readonly dateTimeStamp: string;
}

export interface OdmItem {
  readonly oid: string;
  readonly path: string;
  readonly transactionType: 'Insert' | 'Update' | 'Remove';
  readonly value: string | null;
  readonly dataType: OdmDataType;
}

/** One stored event as one ODM transaction: a new record (Insert), a correction (Update) or a void (Remove). */
export interface OdmTransaction {
  readonly streamPosition: number;
  readonly location: OdmLocation;
  readonly studyEventTransaction: 'Insert' | 'Context';
  readonly formTransaction: 'Insert' | 'Context';
  readonly itemGroupTransaction: 'Insert' | 'Update' | 'Remove';
  readonly items: readonly OdmItem[];
  readonly audit: OdmAudit;
  readonly signature?: OdmSignature;
}

export interface OdmSubjectData {
  readonly facts: SubjectFacts;
  readonly subjectKey: string;
  readonly locationOid: string;
  /** The registration's audit record: the subject's own Insert. */
  readonly audit: OdmAudit;
  readonly transactions: readonly OdmTransaction[];
  /** Every actor named in an audit record or a signature, for AdminData. */
  readonly actors: readonly Actor[];
}

export const userOid = (actorId: string): string => `USR.${actorId}`;
export const locationOid = (siteId: string): string => `LOC.${siteId}`;
export const itemOid = (code: string, path: string): string => `IT.${code}.${oidCode(path)}`;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

function actorOf(recorded: RecordedEvent): Actor {
  const actor = recorded.stored.metadata.actor as Partial<Actor> | undefined;
  return { id: text(actor?.id) ?? 'unknown', role: actor?.role ?? 'system', ...(text(actor?.name) ? { name: actor!.name! } : {}), ...(text(actor?.siteId) ? { siteId: actor!.siteId! } : {}) };
}

/**
 * Transactions of one participant, in stream order. The registration inserts the subject; every other event
 * inserts its own record, except corrections and voids, which update or remove the items of the entry they
 * restate at that entry's location (README.md, "ODM").
 */
export function odmSubjectData(facts: SubjectFacts): OdmSubjectData {
  const siteLocation = locationOid(facts.siteId);
  const actors = new Map<string, Actor>();
  const remember = (actor: Actor): string => {
    if (!actors.has(actor.id)) actors.set(actor.id, actor);
    return userOid(actor.id);
  };
  const auditOf = (recorded: RecordedEvent, reason?: string): OdmAudit => {
    const actor = actorOf(recorded);
    const why = reason ?? text(recorded.stored.metadata.reason);
    return {
      userOid: remember(actor),
      // Staff act at their site; the orchestrator, auditors and admins act on the participant's record at its site.
      locationOid: actor.siteId ? locationOid(actor.siteId) : siteLocation,
      dateTimeStamp: recorded.stored.recordedAt,
      ...(why ? { reasonForChange: why } : {}),
      sourceId: recorded.stored.eventId,
    };
  };

  /** Each entry's location and the values its items hold now, so a correction knows what it updates. */
  const entries = new Map<string, { location: OdmLocation; values: Map<string, string | null> }>();
  const studyEventsSeen = new Set<string>();
  const formsSeen = new Set<string>();
  const transactions: OdmTransaction[] = [];
  const opened = (location: OdmLocation) => {
    const studyEventKey = `${location.studyEvent.oid}|${location.studyEventRepeatKey ?? ''}`;
    const formKey = `${studyEventKey}|${location.code}|${location.formRepeatKey}`;
    const result = { studyEvent: studyEventsSeen.has(studyEventKey), form: formsSeen.has(formKey) };
    studyEventsSeen.add(studyEventKey);
    formsSeen.add(formKey);
    return result;
  };

  for (const recorded of facts.events) {
    const { event, stored } = recorded;
    const target = event.type === 'EntryCorrected' || event.type === 'EntryVoided' ? entries.get(event.data.entryId) : undefined;
    if (event.type === 'EntryCorrected' && target) {
      const items = correctedItems(target.location.code, event.data.changes, target.values);
      transactions.push({ streamPosition: stored.streamPosition, location: target.location, studyEventTransaction: 'Context', formTransaction: 'Context', itemGroupTransaction: 'Update', items, audit: auditOf(recorded, event.data.reason) });
      continue;
    }
    if (event.type === 'EntryVoided' && target) {
      target.values.clear();
      transactions.push({ streamPosition: stored.streamPosition, location: target.location, studyEventTransaction: 'Context', formTransaction: 'Context', itemGroupTransaction: 'Remove', items: [], audit: auditOf(recorded, event.data.reason) });
      continue;
    }
    let location = locate(recorded, facts.protocol);
    const seen = opened(location);
    if (seen.form) {
      // The same record key twice for one form would be a second Insert of existing data: keep each apart.
      location = { ...location, formRepeatKey: `${location.formRepeatKey}@${stored.streamPosition}` };
      opened(location);
    }
    const data = event.data as unknown as Record<string, unknown>;
    const values: OdmValue[] = [{ path: 'occurredAt', value: event.occurredAt, dataType: 'datetime' }, ...flatten(data)];
    if (typeof data.entryId === 'string' && !entries.has(data.entryId)) entries.set(data.entryId, { location, values: new Map(values.map((v) => [v.path, v.value])) });
    const signature = signatureOf(data.signature, facts.siteId, remember);
    transactions.push({
      streamPosition: stored.streamPosition,
      location,
      studyEventTransaction: seen.studyEvent ? 'Context' : 'Insert',
      formTransaction: 'Insert',
      itemGroupTransaction: 'Insert',
      items: values.map((v) => ({ ...v, oid: itemOid(location.code, v.path), transactionType: 'Insert' })),
      audit: auditOf(recorded),
      ...(signature ? { signature } : {}),
    });
  }

  const first = facts.events[0];
  return {
    facts,
    subjectKey: facts.participantCode,
    locationOid: siteLocation,
    audit: first ? auditOf(first) : { userOid: remember({ id: 'unknown', role: 'system' }), locationOid: siteLocation, dateTimeStamp: '', sourceId: '' },
    transactions,
    actors: [...actors.values()],
  };
}

/**
 * The items a correction changes, judged against what the entry's items hold now: Update where a value changed,
 * Insert where the entry had no such item, Remove where the correction clears it. The entry's values follow.
 */
function correctedItems(code: string, changes: Readonly<Record<string, { readonly previous: unknown; readonly corrected: unknown }>>, current: Map<string, string | null>): OdmItem[] {
  const fields = Object.keys(changes);
  const after = new Map(flatten(Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.corrected]))).map((v) => [v.path, v]));
  const touched = [...current.keys()].filter((path) => fields.some((f) => path === f || path.startsWith(`${f}.`)));
  const paths = [...new Set([...touched, ...after.keys()])].sort();
  return paths.flatMap((path): OdmItem[] => {
    const corrected = after.get(path);
    const exists = current.has(path);
    if (corrected === undefined || corrected.value === null) {
      if (!exists) return [];
      current.delete(path);
      return [{ oid: itemOid(code, path), path, transactionType: 'Remove', value: null, dataType: corrected?.dataType ?? 'text' }];
    }
    if (exists && current.get(path) === corrected.value) return [];
    current.set(path, corrected.value);
    return [{ ...corrected, oid: itemOid(code, path), transactionType: exists ? 'Update' : 'Insert' }];
  });
}

function signatureOf(value: unknown, siteId: string, remember: (actor: Actor) => string): OdmSignature | undefined {
  const signature = value as Partial<Signature> | undefined;
  if (!signature?.signer || !text(signature.meaning) || !text(signature.signedAt)) return undefined;
  const name = text(signature.signer.name);
  const signer: Actor = { id: text(signature.signer.id) ?? 'unknown', role: signature.signer.role ?? 'investigator', ...(name ? { name } : {}), ...(signature.signer.siteId ? { siteId: signature.signer.siteId } : {}) };
  return { userOid: remember(signer), locationOid: locationOid(signer.siteId ?? siteId), meaning: signature.meaning!, dateTimeStamp: signature.signedAt! };
}
