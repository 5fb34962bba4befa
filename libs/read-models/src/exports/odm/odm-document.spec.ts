import type { Element } from '@xmldom/xmldom';
import { checkOdm, childElements, ODM_NS, parseXml } from '../../testing/odm-1-3-2.js';
import { eventfulStoredJourney, smallJourney, StoredJourney } from '../../testing/stored-journey.js';
import { buildOdm } from './odm-document.js';

const OPTIONS = { fileOid: 'urn:uuid:0f0f0f0f-0000-4000-8000-000000000001', createdAt: '2026-03-10T00:00:00.000Z' };
const attrs = (e: Element, ...names: string[]) => Object.fromEntries(names.map((n) => [n, e.getAttribute(n)]));
const child = (e: Element, name: string) => childElements(e).find((c) => c.localName === name);
const auditOf = (e: Element) => {
  const record = child(e, 'AuditRecord');
  if (!record) return undefined;
  const text = (name: string) => child(record, name)?.textContent ?? undefined;
  return { user: child(record, 'UserRef')?.getAttribute('UserOID'), location: child(record, 'LocationRef')?.getAttribute('LocationOID'), at: text('DateTimeStamp'), reason: text('ReasonForChange'), source: text('SourceID') };
};

/** Each StudyEventData block of the first subject, condensed to what a reader checks by hand. */
function transactions(xml: string) {
  const subject = parseXml(xml).getElementsByTagNameNS(ODM_NS, 'SubjectData')[0]!;
  return childElements(subject)
    .filter((e) => e.localName === 'StudyEventData')
    .map((se) => {
      const form = child(se, 'FormData')!;
      const group = child(form, 'ItemGroupData')!;
      return {
        studyEvent: [se.getAttribute('StudyEventOID'), se.getAttribute('StudyEventRepeatKey'), se.getAttribute('TransactionType')].join(' '),
        form: [form.getAttribute('FormOID'), form.getAttribute('FormRepeatKey'), form.getAttribute('TransactionType')].join(' '),
        group: `${group.getAttribute('ItemGroupOID')} ${group.getAttribute('TransactionType')}`,
        audit: auditOf(group),
        items: Object.fromEntries(childElements(group).filter((c) => c.localName === 'ItemData').map((i) => [i.getAttribute('ItemOID'), `${i.getAttribute('TransactionType')} ${i.getAttribute('Value') ?? '∅'}`])),
      };
    });
}

describe('buildOdm', () => {
  it('writes the seven events of a small stream as transactions: inserts, an AE re-graded (Update) and a visit voided (Remove)', () => {
    const xml = buildOdm('ucart-cd19-bcma', [smallJourney().subject()], { ...OPTIONS, granularity: 'SingleSubject' });
    const coord = { user: 'USR.coord-1', location: 'LOC.DEMO-01' };
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    expect(transactions(xml)).toEqual([
      {
        studyEvent: 'SE.SCREENING  Insert',
        form: 'F.PARTICIPANT_REGISTERED 1 Insert',
        group: 'IG.PARTICIPANT_REGISTERED Insert',
        audit: { ...coord, at: '2026-03-02T01:00:01.000Z', reason: undefined, source: id(1) },
        items: {
          'IT.PARTICIPANT_REGISTERED.OCCURRED_AT': 'Insert 2026-03-02T01:00:00.000Z',
          'IT.PARTICIPANT_REGISTERED.AGE_YEARS': 'Insert 34',
          'IT.PARTICIPANT_REGISTERED.COHORT_ID': 'Insert SLE',
          'IT.PARTICIPANT_REGISTERED.PARTICIPANT_CODE': 'Insert TF-0001',
          'IT.PARTICIPANT_REGISTERED.PARTICIPANT_ID': 'Insert 11111111-1111-4111-8111-111111111111',
          'IT.PARTICIPANT_REGISTERED.PROTOCOL_VERSION': 'Insert 1.0',
          'IT.PARTICIPANT_REGISTERED.SEX': 'Insert F',
          'IT.PARTICIPANT_REGISTERED.SITE_ID': 'Insert DEMO-01',
          'IT.PARTICIPANT_REGISTERED.TRIAL_ID': 'Insert ucart-cd19-bcma',
        },
      },
      {
        studyEvent: 'SE.SCREENING  Context',
        form: 'F.CONSENT_SIGNED cmd-2 Insert',
        group: 'IG.CONSENT_SIGNED Insert',
        audit: { ...coord, at: '2026-03-02T01:00:01.000Z', reason: undefined, source: id(2) },
        items: {
          'IT.CONSENT_SIGNED.OCCURRED_AT': 'Insert 2026-03-02T01:00:00.000Z',
          'IT.CONSENT_SIGNED.ASSENT': 'Insert false',
          'IT.CONSENT_SIGNED.ENTRY_ID': 'Insert cmd-2',
          'IT.CONSENT_SIGNED.ICF_VERSION': 'Insert 1.0',
          'IT.CONSENT_SIGNED.OBTAINED_BY': 'Insert inv-1',
          'IT.CONSENT_SIGNED.SIGNED_ON': 'Insert 2026-03-02',
          'IT.CONSENT_SIGNED.SIGNERS': 'Insert [{"name":"P","role":"PARTICIPANT"},{"name":"Dr A","role":"INVESTIGATOR"}]',
        },
      },
      {
        studyEvent: 'SE.SAFETY  Insert',
        form: 'F.ADVERSE_EVENT_REPORTED ae-1 Insert',
        group: 'IG.ADVERSE_EVENT_REPORTED Insert',
        audit: { ...coord, at: '2026-03-02T01:30:01.000Z', reason: undefined, source: id(3) },
        items: {
          'IT.ADVERSE_EVENT_REPORTED.OCCURRED_AT': 'Insert 2026-03-02T01:30:00.000Z',
          'IT.ADVERSE_EVENT_REPORTED.AE_ID': 'Insert ae-1',
          'IT.ADVERSE_EVENT_REPORTED.AWARE_AT': 'Insert 2026-03-02T01:30:00.000Z',
          'IT.ADVERSE_EVENT_REPORTED.CAUSALITY': 'Insert POSSIBLE',
          'IT.ADVERSE_EVENT_REPORTED.ENTRY_ID': 'Insert ae-1',
          'IT.ADVERSE_EVENT_REPORTED.GRADE': 'Insert 2',
          'IT.ADVERSE_EVENT_REPORTED.ONSET_ON': 'Insert 2026-03-02',
          'IT.ADVERSE_EVENT_REPORTED.SERIOUS': 'Insert false',
          'IT.ADVERSE_EVENT_REPORTED.TERM': 'Insert Headache',
        },
      },
      {
        studyEvent: 'SE.SAFETY  Context',
        form: 'F.ADVERSE_EVENT_REPORTED ae-1 Context',
        group: 'IG.ADVERSE_EVENT_REPORTED Update',
        audit: { ...coord, at: '2026-03-02T02:30:01.000Z', reason: 'Re-graded against the source', source: id(4) },
        items: { 'IT.ADVERSE_EVENT_REPORTED.GRADE': 'Update 1' },
      },
      {
        studyEvent: 'SE.UNSCHEDULED uv-1 Insert',
        form: 'F.UNSCHEDULED_VISIT_RECORDED uv-1 Insert',
        group: 'IG.UNSCHEDULED_VISIT_RECORDED Insert',
        audit: { ...coord, at: '2026-03-02T02:30:01.000Z', reason: undefined, source: id(5) },
        items: {
          'IT.UNSCHEDULED_VISIT_RECORDED.OCCURRED_AT': 'Insert 2026-03-02T02:30:00.000Z',
          'IT.UNSCHEDULED_VISIT_RECORDED.ASSESSMENTS': 'Insert ["VITALS"]',
          'IT.UNSCHEDULED_VISIT_RECORDED.ENTRY_ID': 'Insert uv-1',
          'IT.UNSCHEDULED_VISIT_RECORDED.REASON': 'Insert Headache follow-up',
          'IT.UNSCHEDULED_VISIT_RECORDED.VISIT_DATE': 'Insert 2026-03-02',
        },
      },
      {
        studyEvent: 'SE.UNSCHEDULED uv-1 Context',
        form: 'F.UNSCHEDULED_VISIT_RECORDED uv-1 Context',
        group: 'IG.UNSCHEDULED_VISIT_RECORDED Remove',
        audit: { ...coord, at: '2026-03-02T02:35:01.000Z', reason: 'Entered for the wrong participant', source: id(6) },
        items: {},
      },
      {
        studyEvent: 'SE.DISPOSITION  Insert',
        form: 'F.WITHDRAWN 7 Insert',
        group: 'IG.WITHDRAWN Insert',
        audit: { ...coord, at: '2026-03-03T02:35:01.000Z', reason: undefined, source: id(7) },
        items: {
          'IT.WITHDRAWN.OCCURRED_AT': 'Insert 2026-03-03T02:35:00.000Z',
          'IT.WITHDRAWN.REASON': 'Insert Participant decision',
          'IT.WITHDRAWN.SAFETY_FOLLOW_UP_CONSENTED': 'Insert false',
          'IT.WITHDRAWN.WITHDRAWN_ON': 'Insert 2026-03-03',
        },
      },
    ]);
  });

  it('heads the file as a transactional, archival ODM 1.3.2 document with its metadata, users and locations', () => {
    const xml = buildOdm('ucart-cd19-bcma', [smallJourney().subject()], { ...OPTIONS, granularity: 'SingleSubject' });
    const root = parseXml(xml);
    expect(root.namespaceURI).toBe(ODM_NS);
    expect(attrs(root, 'ODMVersion', 'FileType', 'Granularity', 'Archival', 'FileOID', 'CreationDateTime', 'AsOfDateTime')).toEqual({
      ODMVersion: '1.3.2', FileType: 'Transactional', Granularity: 'SingleSubject', Archival: 'Yes', FileOID: OPTIONS.fileOid, CreationDateTime: OPTIONS.createdAt, AsOfDateTime: OPTIONS.createdAt,
    });
    const defs = (name: string) => Array.from(root.getElementsByTagNameNS(ODM_NS, name)).map((e) => e.getAttribute('OID'));
    expect(defs('StudyEventDef')).toEqual(['SE.SCREENING', 'SE.UNSCHEDULED', 'SE.SAFETY', 'SE.DISPOSITION']);
    expect(defs('FormDef')).toEqual(['F.ADVERSE_EVENT_REPORTED', 'F.CONSENT_SIGNED', 'F.PARTICIPANT_REGISTERED', 'F.UNSCHEDULED_VISIT_RECORDED', 'F.WITHDRAWN']);
    const grade = Array.from(root.getElementsByTagNameNS(ODM_NS, 'ItemDef')).find((d) => d.getAttribute('OID') === 'IT.ADVERSE_EVENT_REPORTED.GRADE')!;
    expect(attrs(grade, 'Name', 'DataType')).toEqual({ Name: 'grade', DataType: 'integer' });
    const user = root.getElementsByTagNameNS(ODM_NS, 'User')[0]!;
    expect(attrs(user, 'OID', 'UserType')).toEqual({ OID: 'USR.coord-1', UserType: 'Other' });
    expect(child(user, 'LoginName')?.textContent).toBe('coord-1');
    const location = root.getElementsByTagNameNS(ODM_NS, 'Location')[0]!;
    expect(attrs(location, 'OID', 'Name', 'LocationType')).toEqual({ OID: 'LOC.DEMO-01', Name: 'Demonstration site 1', LocationType: 'Site' });
    expect(attrs(child(location, 'MetaDataVersionRef')!, 'StudyOID', 'MetaDataVersionOID', 'EffectiveDate')).toEqual({ StudyOID: 'ST.ucart-cd19-bcma', MetaDataVersionOID: 'MDV.ucart-cd19-bcma.1', EffectiveDate: '2026-03-02' });
    const subject = root.getElementsByTagNameNS(ODM_NS, 'SubjectData')[0]!;
    expect(attrs(subject, 'SubjectKey', 'TransactionType')).toEqual({ SubjectKey: 'TF-0001', TransactionType: 'Insert' });
    expect(child(subject, 'SiteRef')?.getAttribute('LocationOID')).toBe('LOC.DEMO-01');
  });

  it('is valid against the ODM 1.3.2 content model, and its transactions apply in order to the record as it stands', () => {
    const journey = eventfulStoredJourney();
    const { problems, finalItems } = checkOdm(buildOdm('ucart-cd19-bcma', [smallJourney().subject(), journey.subject()], OPTIONS));
    expect(problems).toEqual([]);
    const ae = 'TF-0002/SE.SAFETY[]/F.ADVERSE_EVENT_REPORTED[ae-neutropenia]/IG.ADVERSE_EVENT_REPORTED';
    expect(finalItems.get(`${ae}/IT.ADVERSE_EVENT_REPORTED.GRADE`)).toBe('2'); // corrected from 3
    expect(finalItems.get(`${ae}/IT.ADVERSE_EVENT_REPORTED.RESOLVED_ON`)).toBe(journey.state.adverseEvents.find((a) => a.aeId === 'ae-neutropenia')!.resolvedOn); // inserted by the correction
    expect(finalItems.get('TF-0002/SE.VISIT.D21[]/F.VISIT_COMPLETED[visit-D21]/IG.VISIT_COMPLETED/IT.VISIT_COMPLETED.ACTUAL_DATE')).toBe(journey.state.visits.find((v) => v.value.visitId === 'D21')!.value.actualDate);
    expect([...finalItems.keys()].some((k) => k.startsWith('TF-0001/SE.UNSCHEDULED[uv-1]/F.UNSCHEDULED_VISIT_RECORDED[uv-1]/IG'))).toBe(false); // voided
  });

  it('is checked by a structure check that does catch what breaks ODM (order, definitions, transactions, types)', () => {
    const xml = buildOdm('ucart-cd19-bcma', [smallJourney().subject()], OPTIONS);
    const broken = (from: string | RegExp, to: string) => checkOdm(xml.replace(from, to)).problems;
    expect(broken(/<ReasonForChange>(.*?)<\/ReasonForChange>\s*<SourceID>(.*?)<\/SourceID>/, '<SourceID>$2</SourceID><ReasonForChange>$1</ReasonForChange>')).toEqual([expect.stringContaining('unexpected ReasonForChange')]);
    expect(broken(/<ItemDef OID="IT.WITHDRAWN.REASON"[^>]*\/>/, '')).toEqual(expect.arrayContaining([expect.stringContaining('item IT.WITHDRAWN.REASON is not defined')]));
    expect(broken('FormRepeatKey="ae-1" TransactionType="Context"', 'FormRepeatKey="ae-2" TransactionType="Context"')).toEqual(expect.arrayContaining([expect.stringContaining('Context of TF-0001/SE.SAFETY[]/F.ADVERSE_EVENT_REPORTED[ae-2], which does not exist')]));
    expect(broken('TransactionType="Insert" Value="34"', 'TransactionType="Insert" Value="thirty-four"')).toEqual([expect.stringContaining('"thirty-four" is not a integer')]);
    expect(broken('Type="Common"', 'Type="Sometimes"')).toEqual(expect.arrayContaining([expect.stringContaining('Type="Sometimes" is not one of')]));
  });

  it("carries the investigator's e-signature as an ODM Signature with its meaning as a SignatureDef", () => {
    const root = parseXml(buildOdm('ucart-cd19-bcma', [eventfulStoredJourney().subject()], OPTIONS));
    const signed = Array.from(root.getElementsByTagNameNS(ODM_NS, 'ItemGroupData')).find((g) => g.getAttribute('ItemGroupOID') === 'IG.ELIGIBILITY_SIGNED')!;
    const signature = child(signed, 'Signature')!;
    expect(child(signature, 'UserRef')?.getAttribute('UserOID')).toBe('USR.inv-1');
    expect(child(signature, 'SignatureRef')?.getAttribute('SignatureOID')).toBe('SIG.1');
    const def = root.getElementsByTagNameNS(ODM_NS, 'SignatureDef')[0]!;
    expect(attrs(def, 'OID', 'Methodology')).toEqual({ OID: 'SIG.1', Methodology: 'Electronic' });
    expect(child(def, 'Meaning')?.textContent).toBe('I confirm the participant is eligible');
    const investigator = Array.from(root.getElementsByTagNameNS(ODM_NS, 'User')).find((u) => u.getAttribute('OID') === 'USR.inv-1')!;
    expect(investigator.getAttribute('UserType')).toBe('Investigator');
    // 21 CFR 11.50(a)(1): the signer's printed name goes with the signature.
    expect(child(investigator, 'FullName')?.textContent).toBe('Dr Ines Vogel');
  });

  it('keeps every value exactly as recorded, entity-like text, quotes, line breaks and all', () => {
    const s = new StoredJourney('ucart-cd19-bcma', 'SLE', '2026-03-02T01:00:00.000Z');
    s.register().consent();
    const reason = 'Typed "&lt;" & <b>\nsecond line\ttab';
    s.run({ type: 'RecordUnscheduledVisit', commandId: 'uv-1', data: { visitDate: s.date(), reason, assessments: [] } });
    s.run({ type: 'VoidEntry', data: { entryId: 'uv-1', reason } });
    const root = parseXml(buildOdm('ucart-cd19-bcma', [s.subject()], OPTIONS));
    const item = Array.from(root.getElementsByTagNameNS(ODM_NS, 'ItemData')).find((i) => i.getAttribute('ItemOID') === 'IT.UNSCHEDULED_VISIT_RECORDED.REASON')!;
    expect(item.getAttribute('Value')).toBe(reason);
    expect(Array.from(root.getElementsByTagNameNS(ODM_NS, 'ReasonForChange')).map((r) => r.textContent)).toEqual([reason]);
  });

  it('is the same file for the same stream and options, and leaves out streams of another trial', () => {
    const small = smallJourney().subject();
    const other = new StoredJourney('cb-cd19-bcma', 'SSC', '2026-03-02T01:00:00.000Z', '33333333-3333-4333-8333-333333333333', 'CB-0001').register().subject();
    const once = buildOdm('ucart-cd19-bcma', [small, other], OPTIONS);
    expect(buildOdm('ucart-cd19-bcma', [small, other], OPTIONS)).toBe(once);
    expect(Array.from(parseXml(once).getElementsByTagNameNS(ODM_NS, 'SubjectData')).map((s) => s.getAttribute('SubjectKey'))).toEqual(['TF-0001']);
  });

  it('is a valid, empty clinical file for no participants', () => {
    const { problems, root } = checkOdm(buildOdm('cb-cd19-bcma', [], OPTIONS));
    expect(problems).toEqual([]);
    expect(root.getElementsByTagNameNS(ODM_NS, 'SubjectData').length).toBe(0);
    expect(root.getElementsByTagNameNS(ODM_NS, 'StudyDescription')[0]?.textContent).toMatch(/CAR-T/);
  });
});
