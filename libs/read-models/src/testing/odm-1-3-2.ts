import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * A structural check of ODM 1.3.2 files for tests, by parsing them (a conformant XML parser, fatal on any
 * well-formedness error): the content model (child order and multiplicity) and the attributes (required ones,
 * enumerations) of every element the exports write, as the ODM 1.3.2 schema defines them; every OID reference
 * resolved and every definition used; values that match their item's data type; and the transactions
 * applicable in document order (Insert of what does not exist yet, Update, Remove and Context of what does).
 * For tests only (excluded from the build).
 */
export const ODM_NS = 'http://www.cdisc.org/ns/odm/v1.3';

type Particle = readonly [name: string, min: 0 | 1, max: 1 | 'n'];
const seq = (...particles: Particle[]) => particles;
const opt = (name: string): Particle => [name, 0, 1];
const one = (name: string): Particle => [name, 1, 1];
const many = (name: string): Particle => [name, 0, 'n'];
const some = (name: string): Particle => [name, 1, 'n'];

/** Sequences of the ODM 1.3.2 foundation schema, for the elements the exports write. */
const CONTENT: Readonly<Record<string, readonly Particle[]>> = {
  ODM: seq(many('Study'), many('AdminData'), many('ReferenceData'), many('ClinicalData'), many('Association')),
  Study: seq(one('GlobalVariables'), opt('BasicDefinitions'), many('MetaDataVersion')),
  GlobalVariables: seq(one('StudyName'), one('StudyDescription'), one('ProtocolName')),
  MetaDataVersion: seq(opt('Include'), opt('Protocol'), many('StudyEventDef'), many('FormDef'), many('ItemGroupDef'), many('ItemDef'), many('CodeList'), many('ImputationMethod'), many('Presentation'), many('ConditionDef'), many('MethodDef')),
  Protocol: seq(opt('Description'), many('StudyEventRef'), many('Alias')),
  StudyEventDef: seq(opt('Description'), many('FormRef'), many('Alias')),
  FormDef: seq(opt('Description'), many('ItemGroupRef'), many('ArchiveLayout'), many('Alias')),
  ItemGroupDef: seq(opt('Description'), many('ItemRef'), many('Alias')),
  ItemDef: seq(opt('Description'), opt('Question'), opt('ExternalQuestion'), many('MeasurementUnitRef'), many('RangeCheck'), opt('CodeListRef'), many('Role'), many('Alias')),
  AdminData: seq(many('User'), many('Location'), many('SignatureDef')),
  User: seq(opt('LoginName'), opt('DisplayName'), opt('FullName'), opt('FirstName'), opt('LastName'), opt('Organization'), many('Address'), many('Email'), opt('Picture'), opt('Pager'), many('Fax'), many('Phone'), many('LocationRef'), many('Certificate')),
  Location: seq(some('MetaDataVersionRef')),
  SignatureDef: seq(one('Meaning'), one('LegalReason')),
  ClinicalData: seq(many('SubjectData'), opt('AuditRecords'), opt('Signatures'), opt('Annotations')),
  SubjectData: seq(opt('AuditRecord'), opt('Signature'), opt('InvestigatorRef'), opt('SiteRef'), many('Annotation'), many('StudyEventData')),
  StudyEventData: seq(opt('AuditRecord'), opt('Signature'), many('Annotation'), many('FormData')),
  FormData: seq(opt('AuditRecord'), opt('Signature'), opt('ArchiveLayoutRef'), many('Annotation'), many('ItemGroupData')),
  ItemGroupData: seq(opt('AuditRecord'), opt('Signature'), many('Annotation'), many('ItemData')),
  ItemData: seq(opt('AuditRecord'), opt('Signature'), opt('MeasurementUnitRef'), many('Annotation')),
  AuditRecord: seq(one('UserRef'), one('LocationRef'), one('DateTimeStamp'), opt('ReasonForChange'), opt('SourceID')),
  Signature: seq(one('UserRef'), one('LocationRef'), one('SignatureRef'), one('DateTimeStamp'), opt('CryptoBindingManifest')),
};
const EMPTY = new Set(['StudyEventRef', 'FormRef', 'ItemGroupRef', 'ItemRef', 'MetaDataVersionRef', 'UserRef', 'LocationRef', 'SiteRef', 'SignatureRef']);
const TEXT = new Set(['StudyName', 'StudyDescription', 'ProtocolName', 'LoginName', 'DisplayName', 'FullName', 'Meaning', 'LegalReason', 'DateTimeStamp', 'ReasonForChange', 'SourceID']);

const YES_NO = ['Yes', 'No'];
const TRANSACTION = ['Insert', 'Update', 'Remove', 'Upsert', 'Context'];
const DATA_TYPES = ['integer', 'float', 'date', 'time', 'datetime', 'string', 'text', 'boolean', 'double', 'hexBinary', 'base64Binary', 'hexFloat', 'base64Float', 'partialDate', 'partialTime', 'partialDatetime', 'durationDatetime', 'intervalDatetime', 'incompleteDatetime', 'incompleteDate', 'incompleteTime', 'URI'];
type AttributeRule = readonly [name: string, required: boolean, values?: readonly string[]];
const ATTRIBUTES: Readonly<Record<string, readonly AttributeRule[]>> = {
  ODM: [['FileType', true, ['Snapshot', 'Transactional']], ['FileOID', true], ['CreationDateTime', true], ['ODMVersion', false, ['1.2', '1.2.1', '1.3', '1.3.1', '1.3.2']], ['Granularity', false, ['All', 'Metadata', 'AdminData', 'ReferenceData', 'AllClinicalData', 'SingleSite', 'SingleSubject']], ['Archival', false, ['Yes']]],
  Study: [['OID', true]],
  MetaDataVersion: [['OID', true], ['Name', true]],
  StudyEventRef: [['StudyEventOID', true], ['Mandatory', true, YES_NO]],
  StudyEventDef: [['OID', true], ['Name', true], ['Repeating', true, YES_NO], ['Type', true, ['Scheduled', 'Unscheduled', 'Common']]],
  FormRef: [['FormOID', true], ['Mandatory', true, YES_NO]],
  FormDef: [['OID', true], ['Name', true], ['Repeating', true, YES_NO]],
  ItemGroupRef: [['ItemGroupOID', true], ['Mandatory', true, YES_NO]],
  ItemGroupDef: [['OID', true], ['Name', true], ['Repeating', true, YES_NO]],
  ItemRef: [['ItemOID', true], ['Mandatory', true, YES_NO]],
  ItemDef: [['OID', true], ['Name', true], ['DataType', true, DATA_TYPES]],
  AdminData: [],
  User: [['OID', true], ['UserType', false, ['Sponsor', 'Investigator', 'Lab', 'Other']]],
  Location: [['OID', true], ['Name', true], ['LocationType', false, ['Sponsor', 'Site', 'CRO', 'Lab', 'Other']]],
  MetaDataVersionRef: [['StudyOID', true], ['MetaDataVersionOID', true], ['EffectiveDate', true]],
  SignatureDef: [['OID', true], ['Methodology', false, ['Digital', 'Electronic']]],
  ClinicalData: [['StudyOID', true], ['MetaDataVersionOID', true]],
  SubjectData: [['SubjectKey', true], ['TransactionType', true, TRANSACTION]],
  SiteRef: [['LocationOID', true]],
  StudyEventData: [['StudyEventOID', true], ['TransactionType', true, TRANSACTION]],
  FormData: [['FormOID', true], ['TransactionType', true, TRANSACTION]],
  ItemGroupData: [['ItemGroupOID', true], ['TransactionType', true, TRANSACTION]],
  ItemData: [['ItemOID', true], ['TransactionType', true, TRANSACTION], ['IsNull', false, ['Yes']]],
  UserRef: [['UserOID', true]],
  LocationRef: [['LocationOID', true]],
  SignatureRef: [['SignatureOID', true]],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const VALUE_PATTERNS: Readonly<Record<string, RegExp>> = {
  integer: /^-?\d+$/,
  float: /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/,
  boolean: /^(true|false|1|0)$/,
  date: DATE,
  datetime: DATETIME,
};

export const childElements = (element: Element): Element[] => Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1) as Element[];
export const parseXml = (xml: string): Element =>
  new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml').documentElement!;

export interface OdmCheck {
  readonly problems: string[];
  readonly root: Element;
  /** Every item's value after applying the transactions in order: `subject/SE[key]/F[key]/IG/IT` → value. */
  readonly finalItems: Map<string, string | null>;
}

function checkContent(element: Element, path: string, problems: string[]): void {
  const name = element.localName!;
  if (element.namespaceURI !== ODM_NS) problems.push(`${path}: not in the ODM namespace`);
  const children = childElements(element);
  const model = CONTENT[name];
  if (EMPTY.has(name) && (children.length > 0 || (element.textContent ?? '').trim() !== '')) problems.push(`${path}: must be empty`);
  if (TEXT.has(name) && children.length > 0) problems.push(`${path}: must hold text only`);
  if (!model && !EMPTY.has(name) && !TEXT.has(name)) problems.push(`${path}: element ${name} is not one the check knows`);
  if (model) {
    let i = 0;
    for (const [particle, min, max] of model) {
      let count = 0;
      while (i < children.length && children[i]!.localName === particle && (max === 'n' || count < max)) {
        count += 1;
        i += 1;
      }
      if (count < min) problems.push(`${path}: expected ${particle}`);
    }
    if (i < children.length) problems.push(`${path}: unexpected ${children[i]!.localName} at child ${i + 1}`);
  }
  for (const [attribute, required, values] of ATTRIBUTES[name] ?? []) {
    const value = element.getAttribute(attribute);
    if (value === null || value === '') {
      if (required) problems.push(`${path}: missing ${attribute}`);
    } else if (values && !values.includes(value)) problems.push(`${path}: ${attribute}="${value}" is not one of ${values.join('|')}`);
  }
  children.forEach((child, index) => checkContent(child, `${path}/${child.localName}[${index + 1}]`, problems));
}

const all = (root: Element, name: string): Element[] => Array.from(root.getElementsByTagNameNS(ODM_NS, name));

export function checkOdm(xml: string): OdmCheck {
  const root = parseXml(xml);
  const problems: string[] = [];
  if (root.localName !== 'ODM') problems.push(`root is ${root.localName}`);
  checkContent(root, '/ODM', problems);

  const oids = (name: string) => new Set(all(root, name).map((e) => e.getAttribute('OID')!));
  const defined = { study: oids('Study'), mdv: oids('MetaDataVersion'), se: oids('StudyEventDef'), form: oids('FormDef'), ig: oids('ItemGroupDef'), item: oids('ItemDef'), user: oids('User'), location: oids('Location'), signature: oids('SignatureDef') };
  const refs = (parent: string, child: string, attribute: string) =>
    new Map(all(root, parent).map((p) => [p.getAttribute('OID')!, new Set(childElements(p).filter((c) => c.localName === child).map((c) => c.getAttribute(attribute)!))]));
  const formsOf = refs('StudyEventDef', 'FormRef', 'FormOID');
  const groupsOf = refs('FormDef', 'ItemGroupRef', 'ItemGroupOID');
  const itemsOf = refs('ItemGroupDef', 'ItemRef', 'ItemOID');
  const dataType = new Map(all(root, 'ItemDef').map((d) => [d.getAttribute('OID')!, d.getAttribute('DataType')!]));
  const repeating = (name: string) => new Map(all(root, name).map((d) => [d.getAttribute('OID')!, d.getAttribute('Repeating') === 'Yes']));
  const seRepeating = repeating('StudyEventDef');
  const formRepeating = repeating('FormDef');
  const used = { se: new Set<string>(), form: new Set<string>(), ig: new Set<string>(), item: new Set<string>() };

  const resolve = (set: Set<string>, value: string | null, what: string, at: string) => {
    if (!value || !set.has(value)) problems.push(`${at}: ${what} ${value} is not defined`);
  };
  for (const e of all(root, 'StudyEventRef')) resolve(defined.se, e.getAttribute('StudyEventOID'), 'study event', 'Protocol');
  for (const [se, forms] of formsOf) for (const f of forms) resolve(defined.form, f, 'form', se);
  for (const [form, groups] of groupsOf) for (const g of groups) resolve(defined.ig, g, 'item group', form);
  for (const [group, items] of itemsOf) for (const i of items) resolve(defined.item, i, 'item', group);
  for (const e of all(root, 'UserRef')) resolve(defined.user, e.getAttribute('UserOID'), 'user', 'UserRef');
  for (const e of [...all(root, 'LocationRef'), ...all(root, 'SiteRef')]) resolve(defined.location, e.getAttribute('LocationOID'), 'location', e.localName!);
  for (const e of all(root, 'SignatureRef')) resolve(defined.signature, e.getAttribute('SignatureOID'), 'signature', 'SignatureRef');
  for (const e of [...all(root, 'ClinicalData'), ...all(root, 'MetaDataVersionRef'), ...all(root, 'AdminData')]) {
    if (e.getAttribute('StudyOID') !== null) resolve(defined.study, e.getAttribute('StudyOID'), 'study', e.localName!);
    if (e.getAttribute('MetaDataVersionOID') !== null) resolve(defined.mdv, e.getAttribute('MetaDataVersionOID'), 'metadata version', e.localName!);
  }

  // The transactions, applied in document order to what exists.
  const exists = new Set<string>();
  const finalItems = new Map<string, string | null>();
  const transactional = root.getAttribute('FileType') === 'Transactional';
  const apply = (element: Element, key: string, parent: string | undefined, at: string) => {
    const type = element.getAttribute('TransactionType') ?? '';
    if (transactional && type !== 'Context' && !childElements(element).some((c) => c.localName === 'AuditRecord') && element.localName !== 'ItemData') {
      problems.push(`${at}: a ${type} without its AuditRecord`);
    }
    if (parent !== undefined && !exists.has(parent)) problems.push(`${at}: its parent does not exist`);
    if (type === 'Insert' && exists.has(key)) problems.push(`${at}: Insert of ${key}, which exists`);
    if ((type === 'Update' || type === 'Remove' || type === 'Context') && !exists.has(key)) problems.push(`${at}: ${type} of ${key}, which does not exist`);
    if (type === 'Insert' || type === 'Upsert') exists.add(key);
    if (type === 'Remove') {
      for (const k of [...exists]) if (k === key || k.startsWith(`${key}/`)) exists.delete(k);
      for (const k of [...finalItems.keys()]) if (k === key || k.startsWith(`${key}/`)) finalItems.delete(k);
    }
    return type;
  };
  all(root, 'SubjectData').forEach((subject, s) => {
    const subjectKey = subject.getAttribute('SubjectKey')!;
    apply(subject, subjectKey, undefined, `SubjectData[${s + 1}]`);
    for (const se of childElements(subject).filter((c) => c.localName === 'StudyEventData')) {
      const seOid = se.getAttribute('StudyEventOID')!;
      used.se.add(seOid);
      resolve(defined.se, seOid, 'study event', subjectKey);
      if (seRepeating.get(seOid) !== (se.getAttribute('StudyEventRepeatKey') !== null)) problems.push(`${subjectKey} ${seOid}: repeat key and Repeating disagree`);
      const seKey = `${subjectKey}/${seOid}[${se.getAttribute('StudyEventRepeatKey') ?? ''}]`;
      apply(se, seKey, subjectKey, seKey);
      for (const form of childElements(se).filter((c) => c.localName === 'FormData')) {
        const formOid = form.getAttribute('FormOID')!;
        used.form.add(formOid);
        if (!formsOf.get(seOid)?.has(formOid)) problems.push(`${seKey}: form ${formOid} is not in ${seOid}`);
        if (formRepeating.get(formOid) && form.getAttribute('FormRepeatKey') === null) problems.push(`${seKey}: repeating form ${formOid} without a key`);
        const formKey = `${seKey}/${formOid}[${form.getAttribute('FormRepeatKey') ?? ''}]`;
        apply(form, formKey, seKey, formKey);
        for (const group of childElements(form).filter((c) => c.localName === 'ItemGroupData')) {
          const groupOid = group.getAttribute('ItemGroupOID')!;
          used.ig.add(groupOid);
          if (!groupsOf.get(formOid)?.has(groupOid)) problems.push(`${formKey}: item group ${groupOid} is not in ${formOid}`);
          const groupKey = `${formKey}/${groupOid}`;
          const groupType = apply(group, groupKey, formKey, groupKey);
          if (groupType === 'Remove' && childElements(group).some((c) => c.localName === 'ItemData' && c.getAttribute('TransactionType') !== 'Remove')) problems.push(`${groupKey}: Remove with items that are not removed`);
          for (const item of childElements(group).filter((c) => c.localName === 'ItemData')) {
            const itemOid = item.getAttribute('ItemOID')!;
            used.item.add(itemOid);
            if (!itemsOf.get(groupOid)?.has(itemOid)) problems.push(`${groupKey}: item ${itemOid} is not in ${groupOid}`);
            const itemKey = `${groupKey}/${itemOid}`;
            const itemType = apply(item, itemKey, groupKey, itemKey);
            const value = item.getAttribute('Value');
            const pattern = VALUE_PATTERNS[dataType.get(itemOid) ?? ''];
            if (value !== null && pattern && !pattern.test(value)) problems.push(`${itemKey}: "${value}" is not a ${dataType.get(itemOid)}`);
            if (itemType !== 'Remove' && value === null && item.getAttribute('IsNull') !== 'Yes') problems.push(`${itemKey}: neither Value nor IsNull`);
            if (itemType === 'Insert' || itemType === 'Update' || itemType === 'Upsert') finalItems.set(itemKey, value);
          }
        }
      }
    }
  });
  for (const [what, set] of [['study event', defined.se], ['form', defined.form], ['item group', defined.ig], ['item', defined.item]] as const) {
    const usedSet = what === 'study event' ? used.se : what === 'form' ? used.form : what === 'item group' ? used.ig : used.item;
    for (const oid of set) if (!usedSet.has(oid)) problems.push(`${what} ${oid} is defined but never used`);
  }
  for (const stamp of all(root, 'DateTimeStamp')) if (!DATETIME.test(stamp.textContent ?? '')) problems.push(`DateTimeStamp "${stamp.textContent}" is not a datetime`);
  for (const ref of all(root, 'MetaDataVersionRef')) if (!DATE.test(ref.getAttribute('EffectiveDate') ?? '')) problems.push('EffectiveDate is not a date');
  return { problems, root, finalItems };
}
