import { findProtocol, type Actor, type Protocol } from '@trialflow/domain';
import { create } from 'xmlbuilder2';
import { subjectFacts, type ExportSubject, type SubjectFacts } from '../export-subject.js';
import { collectMetadata, type OdmMetadata } from './odm-metadata.js';
import { locationOid, odmSubjectData, userOid, type OdmAudit, type OdmSignature, type OdmSubjectData, type OdmTransaction } from './odm-transactions.js';
import { xmlText } from './xml-text.js';

export const ODM_NAMESPACE = 'http://www.cdisc.org/ns/odm/v1.3';
/** The version of the export's own layout (README.md): a change of mapping is a new MetaDataVersion. */
export const ODM_LAYOUT_VERSION = '1';

export interface OdmExportOptions {
  /** Unique id of this file (ODM FileOID). */
  readonly fileOid: string;
  /** When the store was read: the file's CreationDateTime and AsOfDateTime. */
  readonly createdAt: string;
  /** `SingleSubject` for one participant's file; absent for a trial's (possibly site-scoped) file. */
  readonly granularity?: 'SingleSubject';
  readonly sourceSystemVersion?: string;
}

const LEGAL_REASON = 'Electronic signature under 21 CFR Part 11 (11.50, 11.200): the signer re-authenticated; the signed record is identified by its SHA-256 hash in the signed data.';

type XMLBuilder = ReturnType<typeof create>;
type Attributes = Record<string, string | number | undefined>;

/** Attributes through xmlText (README.md: values come back exactly as recorded), absent ones left out. */
const attrs = (values: Attributes): Record<string, string> =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, xmlText(String(v))]])));

const el = (parent: XMLBuilder, name: string, values: Attributes = {}): XMLBuilder => parent.ele(name, attrs(values));
const textEl = (parent: XMLBuilder, name: string, value: string): XMLBuilder => parent.ele(name).txt(xmlText(value)).up();

/**
 * A transactional CDISC ODM 1.3.2 file of one trial's participants: every stored event as an ODM transaction with
 * its AuditRecord, the MetaDataVersion describing exactly the OIDs used, and the users and locations named in
 * the audit records. A pure function of the stored events and the options: the same input gives the same bytes.
 */
export function buildOdm(trialId: string, subjects: readonly ExportSubject[], options: OdmExportOptions): string {
  const facts = subjects.map(subjectFacts).filter((f): f is SubjectFacts => f !== undefined && f.trialId === trialId);
  const data = facts.map(odmSubjectData);
  const metadata = collectMetadata(data);
  const protocol = facts[0]?.protocol ?? findProtocol(trialId);
  const studyOid = `ST.${trialId}`;
  const mdvOid = `MDV.${trialId}.${ODM_LAYOUT_VERSION}`;

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const odm = doc.ele(
    ODM_NAMESPACE,
    'ODM',
    attrs({
      ODMVersion: '1.3.2',
      FileType: 'Transactional',
      Granularity: options.granularity,
      // Every transaction and audit record of the subjects included, up to AsOfDateTime (ODM's archival rules).
      Archival: 'Yes',
      FileOID: options.fileOid,
      CreationDateTime: options.createdAt,
      AsOfDateTime: options.createdAt,
      Originator: 'trialflow',
      SourceSystem: 'trialflow',
      SourceSystemVersion: options.sourceSystemVersion,
    }),
  );
  writeStudy(odm, studyOid, mdvOid, trialId, protocol, facts, metadata);
  writeAdminData(odm, studyOid, mdvOid, protocol, data, options.createdAt);
  const clinical = el(odm, 'ClinicalData', { StudyOID: studyOid, MetaDataVersionOID: mdvOid });
  const signatureOids = signatureDefinitions(data);
  for (const subject of data) writeSubject(clinical, subject, signatureOids);
  return doc.end({ prettyPrint: true });
}

function writeStudy(odm: XMLBuilder, studyOid: string, mdvOid: string, trialId: string, protocol: Protocol | undefined, facts: readonly SubjectFacts[], metadata: OdmMetadata): void {
  const study = el(odm, 'Study', { OID: studyOid });
  const versions = [...new Set(facts.map((f) => f.protocolVersion))].sort();
  const globals = study.ele('GlobalVariables');
  textEl(globals, 'StudyName', trialId);
  textEl(globals, 'StudyDescription', protocol?.title ?? trialId);
  textEl(globals, 'ProtocolName', versions.length > 0 ? `${trialId} (protocol version ${versions.join(', ')})` : trialId);
  const mdv = el(study, 'MetaDataVersion', {
    OID: mdvOid,
    Name: `trialflow participant journey, export layout ${ODM_LAYOUT_VERSION}`,
    Description: 'One form per journey event type; items are the fields of the recorded events (see the export README).',
  });
  const refs = mdv.ele('Protocol');
  metadata.studyEvents.forEach((se, i) => el(refs, 'StudyEventRef', { StudyEventOID: se.oid, OrderNumber: i + 1, Mandatory: 'No' }));
  for (const se of metadata.studyEvents) {
    const def = el(mdv, 'StudyEventDef', { OID: se.oid, Name: se.name, Repeating: se.repeating ? 'Yes' : 'No', Type: se.type });
    se.formCodes.forEach((code, i) => el(def, 'FormRef', { FormOID: `F.${code}`, OrderNumber: i + 1, Mandatory: 'No' }));
  }
  for (const form of metadata.forms) el(el(mdv, 'FormDef', { OID: `F.${form.code}`, Name: form.name, Repeating: 'Yes' }), 'ItemGroupRef', { ItemGroupOID: `IG.${form.code}`, Mandatory: 'Yes' });
  for (const form of metadata.forms) {
    const group = el(mdv, 'ItemGroupDef', { OID: `IG.${form.code}`, Name: form.name, Repeating: 'No' });
    form.items.forEach((item, i) => el(group, 'ItemRef', { ItemOID: item.oid, OrderNumber: i + 1, Mandatory: 'No' }));
  }
  for (const item of metadata.items) el(mdv, 'ItemDef', { OID: item.oid, Name: item.name, DataType: item.dataType });
}

const USER_TYPES: Readonly<Record<string, string>> = { investigator: 'Investigator' };

function writeAdminData(odm: XMLBuilder, studyOid: string, mdvOid: string, protocol: Protocol | undefined, data: readonly OdmSubjectData[], createdAt: string): void {
  const admin = el(odm, 'AdminData', { StudyOID: studyOid });
  const audits = data.flatMap((s) => [s.audit, ...s.transactions.flatMap((t): (OdmAudit | OdmSignature)[] => (t.signature ? [t.audit, t.signature] : [t.audit]))]);
  const locations = [...new Set([...data.map((s) => s.locationOid), ...audits.map((a) => a.locationOid)])].sort();
  const actors = new Map<string, Actor>();
  for (const actor of data.flatMap((s) => s.actors)) if (!actors.has(actor.id)) actors.set(actor.id, actor);
  for (const actor of [...actors.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const user = el(admin, 'User', { OID: userOid(actor.id), UserType: USER_TYPES[actor.role] ?? 'Other' });
    // Staff, not participants: the account id, role and — when the sign-in provided it — the printed name that
    // 21 CFR 11.50 requires with every signature. Participants appear only by their pseudonymous code.
    textEl(user, 'LoginName', actor.id);
    textEl(user, 'DisplayName', `${actor.id} (${actor.role})`);
    if (actor.name) textEl(user, 'FullName', actor.name);
    const sites = [...new Set([...(actor.siteId ? [actor.siteId] : []), ...(actor.sites ?? [])])].map(locationOid).filter((oid) => locations.includes(oid)).sort();
    for (const oid of sites) el(user, 'LocationRef', { LocationOID: oid });
  }
  const firstRecorded = (oid: string): string => {
    const stamps = data.filter((s) => s.locationOid === oid).flatMap((s) => s.transactions.map((t) => t.audit.dateTimeStamp));
    const all = stamps.length > 0 ? stamps : data.flatMap((s) => s.transactions.map((t) => t.audit.dateTimeStamp));
    return ([...all].sort()[0] ?? createdAt).slice(0, 10);
  };
  for (const oid of locations) {
    const siteId = oid.slice('LOC.'.length);
    const location = el(admin, 'Location', { OID: oid, Name: protocol?.sites.find((s) => s.id === siteId)?.name ?? siteId, LocationType: 'Site' });
    el(location, 'MetaDataVersionRef', { StudyOID: studyOid, MetaDataVersionOID: mdvOid, EffectiveDate: firstRecorded(oid) });
  }
  for (const [meaning, oid] of signatureDefinitions(data)) {
    const def = el(admin, 'SignatureDef', { OID: oid, Methodology: 'Electronic' });
    textEl(def, 'Meaning', meaning);
    textEl(def, 'LegalReason', LEGAL_REASON);
  }
}

/** One SignatureDef per distinct meaning signed, numbered in meaning order. */
function signatureDefinitions(data: readonly OdmSubjectData[]): Map<string, string> {
  const meanings = [...new Set(data.flatMap((s) => s.transactions.flatMap((t) => (t.signature ? [t.signature.meaning] : []))))].sort();
  return new Map(meanings.map((m, i) => [m, `SIG.${i + 1}`]));
}

function writeAudit(parent: XMLBuilder, audit: OdmAudit): void {
  const record = parent.ele('AuditRecord');
  el(record, 'UserRef', { UserOID: audit.userOid });
  el(record, 'LocationRef', { LocationOID: audit.locationOid });
  textEl(record, 'DateTimeStamp', audit.dateTimeStamp);
  if (audit.reasonForChange) textEl(record, 'ReasonForChange', audit.reasonForChange);
  textEl(record, 'SourceID', audit.sourceId);
}

function writeSubject(clinical: XMLBuilder, subject: OdmSubjectData, signatureOids: ReadonlyMap<string, string>): void {
  const node = el(clinical, 'SubjectData', { SubjectKey: subject.subjectKey, TransactionType: 'Insert' });
  writeAudit(node, subject.audit);
  el(node, 'SiteRef', { LocationOID: subject.locationOid });
  for (const t of subject.transactions) writeTransaction(node, t, signatureOids);
}

/**
 * One event as StudyEventData > FormData > ItemGroupData. Containers are `Insert` the first time they appear and
 * `Context` after; each element that is not Context carries the transaction's AuditRecord (ODM: an audit record
 * applies to the descendants that have none of their own).
 */
function writeTransaction(subject: XMLBuilder, t: OdmTransaction, signatureOids: ReadonlyMap<string, string>): void {
  const { location } = t;
  const studyEvent = el(subject, 'StudyEventData', { StudyEventOID: location.studyEvent.oid, StudyEventRepeatKey: location.studyEventRepeatKey, TransactionType: t.studyEventTransaction });
  if (t.studyEventTransaction === 'Insert') writeAudit(studyEvent, t.audit);
  const form = el(studyEvent, 'FormData', { FormOID: `F.${location.code}`, FormRepeatKey: location.formRepeatKey, TransactionType: t.formTransaction });
  if (t.formTransaction === 'Insert') writeAudit(form, t.audit);
  const group = el(form, 'ItemGroupData', { ItemGroupOID: `IG.${location.code}`, TransactionType: t.itemGroupTransaction });
  writeAudit(group, t.audit);
  if (t.signature) {
    const signature = group.ele('Signature');
    el(signature, 'UserRef', { UserOID: t.signature.userOid });
    el(signature, 'LocationRef', { LocationOID: t.signature.locationOid });
    el(signature, 'SignatureRef', { SignatureOID: signatureOids.get(t.signature.meaning) });
    textEl(signature, 'DateTimeStamp', t.signature.dateTimeStamp);
  }
  for (const item of t.items) {
    const value = item.transactionType === 'Remove' ? {} : item.value === null ? { IsNull: 'Yes' } : { Value: item.value };
    el(group, 'ItemData', { ItemOID: item.oid, TransactionType: item.transactionType, ...value });
  }
}
