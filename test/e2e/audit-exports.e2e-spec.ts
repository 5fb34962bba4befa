import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { checkOdm, ODM_NS } from '../../libs/read-models/src/testing/odm-1-3-2.js';
import { auditedJourney, fetchAs, type AuditedJourney } from '../support/audited-journey.js';
import { HttpJourney, storeReaches } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;
/** DEMO-01, trial ucart-cd19-bcma: the `.a` users' site. */
let audited: AuditedJourney;
/** DEMO-02, the same trial: only the `.b` users'. */
let otherSite: HttpJourney;
/** CN-BJ-GB, trial cb-cd19-bcma: another trial of the `.a` users. */
let otherTrial: HttpJourney;

beforeAll(async () => {
  system = await startSystem();
  audited = await auditedJourney(system);
  otherSite = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-02', 'coordinator.b', 'investigator.b');
  await otherSite.register();
  await otherSite.ok('consent', otherSite.consentBody());
  otherTrial = new HttpJourney(system, 'cb-cd19-bcma', 'SSC', 'CN-BJ-GB');
  await otherTrial.register();
  await storeReaches(system.sql, otherSite.participantId, otherSite.version);
  await storeReaches(system.sql, otherTrial.participantId, otherTrial.version);
});

afterAll(async () => {
  await system?.stop();
});

const get = (path: string, as: Parameters<typeof fetchAs>[1] = 'auditor.a') => fetchAs(system.baseUrl, as, path);
const participant = () => `/v1/participants/${audited.journey.participantId}`;
const subjectKeys = (xml: string) => Array.from(checkOdm(xml).root.getElementsByTagNameNS(ODM_NS, 'SubjectData')).map((s) => s.getAttribute('SubjectKey'));
const csvColumn = (csv: string, column: string): string[] => (parse(csv, { columns: true }) as Record<string, string>[]).map((r) => r[column]!);

describe('GET /v1/participants/{id}/exports/odm', () => {
  it("exports the participant's whole record as a valid transactional ODM 1.3.2 file with its audit records", async () => {
    const answer = await get(`${participant()}/exports/odm`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${audited.journey.participantCode}.odm.xml"`);
    const xml = answer.body.toString('utf8');
    const { problems, root, finalItems } = checkOdm(xml);
    expect(problems).toEqual([]);
    expect(root.getAttribute('FileType')).toBe('Transactional');
    expect(root.getAttribute('Granularity')).toBe('SingleSubject');
    expect(subjectKeys(xml)).toEqual([audited.journey.participantCode]);
    const { rows } = await system.sql.query(`SELECT count(*)::int AS n, max(event_id::text) FILTER (WHERE event_type = 'EntryCorrected') AS correction FROM events WHERE stream_id = $1`, [`participant-${audited.journey.participantId}`]);
    const sources = Array.from(root.getElementsByTagNameNS(ODM_NS, 'ItemGroupData')).map((g) => g.getElementsByTagNameNS(ODM_NS, 'SourceID')[0]?.textContent);
    expect(new Set(sources).size).toBe(rows[0].n); // one transaction per stored event, identified by its event id
    const update = Array.from(root.getElementsByTagNameNS(ODM_NS, 'ItemGroupData')).find((g) => g.getAttribute('TransactionType') === 'Update')!;
    expect(update.getElementsByTagNameNS(ODM_NS, 'ReasonForChange')[0]?.textContent).toBe('Lab value re-read: grade 2');
    expect(update.getElementsByTagNameNS(ODM_NS, 'SourceID')[0]?.textContent).toBe(rows[0].correction);
    expect(update.getElementsByTagNameNS(ODM_NS, 'UserRef')[0]?.getAttribute('UserOID')).toBe('USR.coordinator.a');
    const grade = [...finalItems].find(([key]) => key.endsWith(`F.ADVERSE_EVENT_REPORTED[${audited.aeCommandId}]/IG.ADVERSE_EVENT_REPORTED/IT.ADVERSE_EVENT_REPORTED.GRADE`));
    expect(grade?.[1]).toBe('2');
    expect(Array.from(root.getElementsByTagNameNS(ODM_NS, 'ItemGroupData')).some((g) => g.getAttribute('TransactionType') === 'Remove')).toBe(true);
  });

  it('is for auditors, admins and investigators of the site only', async () => {
    for (const role of ['admin.a', 'investigator.a'] as const) expect((await get(`${participant()}/exports/odm`, role)).status).toBe(200);
    const coordinator = await get(`${participant()}/exports/odm`, 'coordinator.a');
    expect([coordinator.status, coordinator.json().code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const otherSites = await get(`/v1/participants/${otherSite.participantId}/exports/odm`);
    expect([otherSites.status, otherSites.json().code]).toEqual([404, 'PARTICIPANT_NOT_FOUND']);
    expect((await get(`/v1/participants/${randomUUID()}/exports/odm`)).status).toBe(404);
    expect((await get(`/v1/participants/nope/exports/odm`)).json().errors).toEqual([{ field: 'participantId', message: 'must be a UUID' }]);
    expect((await get(`${participant()}/exports/odm?format=json`)).json().errors).toEqual([{ field: 'format', message: 'is not a known field' }]);
    expect((await get(`${participant()}/exports/odm`, null)).status).toBe(401);
  });
});

describe('GET /v1/participants/{id}/exports/sdtm', () => {
  it('exports DM, SV, EX, AE, DS and DV as CSV files in one zip', async () => {
    const answer = await get(`${participant()}/exports/sdtm`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${audited.journey.participantCode}-sdtm.zip"`);
    const files = unzipSync(new Uint8Array(answer.body));
    expect(Object.keys(files).sort()).toEqual(['ae.csv', 'dm.csv', 'ds.csv', 'dv.csv', 'ex.csv', 'sv.csv']);
    const dm = parse(strFromU8(files['dm.csv']!), { columns: true }) as Record<string, string>[];
    expect(dm).toEqual([expect.objectContaining({ STUDYID: 'ucart-cd19-bcma', DOMAIN: 'DM', USUBJID: `ucart-cd19-bcma-${audited.journey.participantCode}`, SITEID: 'DEMO-01', AGE: '34', SEX: 'F', ARMCD: 'SLE-DL1' })]);
    expect(dm[0]!.RFSTDTC).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(csvColumn(strFromU8(files['ex.csv']!), 'EXCAT')).toEqual([...Array(6).fill('LYMPHODEPLETION'), 'CAR-T INFUSION']);
    expect(csvColumn(strFromU8(files['ds.csv']!), 'DSDECOD')).toEqual(['INFORMED CONSENT OBTAINED']);
  });

  it('exports one domain as a CSV file with ?domain=, and refuses a domain it does not know', async () => {
    const ae = await get(`${participant()}/exports/sdtm?domain=AE`);
    expect(ae.status).toBe(200);
    expect(ae.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(ae.headers.get('content-disposition')).toBe(`attachment; filename="${audited.journey.participantCode}-ae.csv"`);
    const rows = parse(ae.body.toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.AECAT, r.AETERM, r.AETOXGR])).toEqual(expect.arrayContaining([['', 'Neutrophil count decreased', '2'], ['CRS', 'Cytokine release syndrome', '1']]));
    const bad = await get(`${participant()}/exports/sdtm?domain=LB&zip=no`);
    expect(bad.status).toBe(400);
    expect(bad.json().errors.map((e: any) => e.field).sort()).toEqual(['domain', 'zip']);
    expect((await get(`${participant()}/exports/sdtm`, 'coordinator.a')).status).toBe(403);
    expect((await get(`/v1/participants/${otherSite.participantId}/exports/sdtm`)).status).toBe(404);
  });
});

describe('GET /v1/trials/{trialId}/exports/odm and /sdtm', () => {
  it("contains only the participants of the caller's sites", async () => {
    const a = (await get('/v1/trials/ucart-cd19-bcma/exports/odm')).body.toString('utf8');
    expect(checkOdm(a).problems).toEqual([]);
    expect(subjectKeys(a)).toContain(audited.journey.participantCode);
    expect(subjectKeys(a)).not.toContain(otherSite.participantCode);
    expect(a).not.toContain(otherSite.participantId);
    const b = (await get('/v1/trials/ucart-cd19-bcma/exports/odm', 'auditor.b')).body.toString('utf8');
    expect(subjectKeys(b)).toContain(otherSite.participantCode);
    expect(subjectKeys(b)).not.toContain(audited.journey.participantCode);
    const otherTrialFile = (await get('/v1/trials/cb-cd19-bcma/exports/odm', 'admin.a')).body.toString('utf8');
    expect(subjectKeys(otherTrialFile)).toContain(otherTrial.participantCode);
    expect(subjectKeys(otherTrialFile)).not.toContain(audited.journey.participantCode);

    const dm = await get('/v1/trials/ucart-cd19-bcma/exports/sdtm?domain=DM', 'investigator.b');
    expect(dm.headers.get('content-disposition')).toBe('attachment; filename="ucart-cd19-bcma-dm.csv"');
    const subjects = csvColumn(dm.body.toString('utf8'), 'SUBJID');
    expect(subjects).toContain(otherSite.participantCode);
    expect(subjects).not.toContain(audited.journey.participantCode);
  });

  it('answers 404 for an unknown trial, 400 for a malformed one or a bad parameter, 403 for coordinators', async () => {
    const unknown = await get('/v1/trials/no-such-trial/exports/odm');
    expect([unknown.status, unknown.json().code]).toEqual([404, 'TRIAL_NOT_FOUND']);
    expect((await get('/v1/trials/NOT_A_TRIAL/exports/sdtm')).json().errors.map((e: any) => e.field)).toEqual(['trialId']);
    expect((await get('/v1/trials/ucart-cd19-bcma/exports/sdtm?domain=dm')).json().errors.map((e: any) => e.field)).toEqual(['domain']);
    expect((await get('/v1/trials/ucart-cd19-bcma/exports/odm', 'coordinator.a')).status).toBe(403);
    expect((await get('/v1/trials/ucart-cd19-bcma/exports/odm', null)).status).toBe(401);
  });
});
