import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { eventfulStoredJourney, smallJourney, StoredJourney } from '../../testing/stored-journey.js';
import { buildSdtm, SDTM_DOMAINS, type SdtmDataset } from './sdtm-datasets.js';
import { sdtmCsv, sdtmZip } from './sdtm-files.js';

const csvOf = (datasets: readonly SdtmDataset[], domain: string) => sdtmCsv(datasets.find((d) => d.domain === domain)!);
const rowsOf = (datasets: readonly SdtmDataset[], domain: string) => datasets.find((d) => d.domain === domain)!.rows;
const lines = (...rows: string[]) => rows.map((r) => `${r}\r\n`).join('');

describe('buildSdtm', () => {
  it('maps a small stream to DM, AE and DS rows checked by hand (the corrected grade, the voided visit left out)', () => {
    const datasets = buildSdtm('ucart-cd19-bcma', [smallJourney().subject()]);
    expect(datasets.map((d) => d.domain)).toEqual([...SDTM_DOMAINS]);
    expect(csvOf(datasets, 'DM')).toBe(
      lines(
        'STUDYID,DOMAIN,USUBJID,SUBJID,RFSTDTC,RFENDTC,RFXSTDTC,RFXENDTC,RFICDTC,RFPENDTC,DTHDTC,DTHFL,SITEID,AGE,AGEU,SEX,RACE,ETHNIC,ARMCD,ARM,ACTARMCD,ACTARM,ARMNRS,ACTARMUD,COUNTRY,DMDTC,DMDY',
        'ucart-cd19-bcma,DM,ucart-cd19-bcma-TF-0001,TF-0001,,,,,2026-03-02,2026-03-03,,,DEMO-01,34,YEARS,F,,,,,,,NOT ASSIGNED,,,2026-03-02,',
      ),
    );
    expect(csvOf(datasets, 'AE')).toBe(
      lines(
        'STUDYID,DOMAIN,USUBJID,AESEQ,AESPID,AETERM,AEDECOD,AECAT,AESER,AEREL,AEOUT,AETOXGR,EPOCH,AESTDTC,AEENDTC,AESTDY,AEENDY',
        'ucart-cd19-bcma,AE,ucart-cd19-bcma-TF-0001,1,ae-1,Headache,Headache,,N,POSSIBLY RELATED,,1,SCREENING,2026-03-02,,,',
      ),
    );
    expect(csvOf(datasets, 'DS')).toBe(
      lines(
        'STUDYID,DOMAIN,USUBJID,DSSEQ,DSSPID,DSTERM,DSDECOD,DSCAT,EPOCH,DSDTC,DSSTDTC,DSSTDY',
        'ucart-cd19-bcma,DS,ucart-cd19-bcma-TF-0001,1,00000000-0000-4000-8000-000000000002,INFORMED CONSENT OBTAINED,INFORMED CONSENT OBTAINED,PROTOCOL MILESTONE,SCREENING,2026-03-02,2026-03-02,',
        'ucart-cd19-bcma,DS,ucart-cd19-bcma-TF-0001,2,00000000-0000-4000-8000-000000000007,Participant decision,WITHDRAWAL BY SUBJECT,DISPOSITION EVENT,SCREENING,2026-03-03,2026-03-03,',
      ),
    );
    for (const empty of ['SV', 'EX', 'DV']) expect(rowsOf(datasets, empty)).toEqual([]);
    expect(csvOf(datasets, 'SV')).toBe(lines('STUDYID,DOMAIN,USUBJID,SVSEQ,VISITNUM,VISIT,VISITDY,SVPRESP,SVOCCUR,SVREASOC,EPOCH,SVSTDTC,SVENDTC,SVSTDY,SVENDY,SVUPDES'));
  });

  it('maps a treated participant: arm, reference dates, exposure, CRS episode, visits done, missed and unscheduled, confirmed deviations', () => {
    const datasets = buildSdtm('ucart-cd19-bcma', [eventfulStoredJourney().subject()]);
    const usubjid = 'ucart-cd19-bcma-TF-0002';
    // Infusion 2026-03-09 07:50-08:05 UTC = 15:50-16:05 at the site (UTC+8): SDTM day 1; lymphodepletion on days -5 to -3.
    expect(rowsOf(datasets, 'DM')).toEqual([
      expect.objectContaining({ USUBJID: usubjid, RFSTDTC: '2026-03-09T15:50', RFXSTDTC: '2026-03-04T09:30', RFXENDTC: '2026-03-09T16:05', RFENDTC: '2026-03-30', RFPENDTC: '2026-03-30', ARMCD: 'SLE-DL1', ARM: 'R/R SLE, 1×10^6 CAR+ cells/kg', ACTARMCD: 'SLE-DL1', ARMNRS: null, DMDY: -7 }),
    ]);
    const ex = rowsOf(datasets, 'EX');
    expect(ex.map((r) => [r.EXSEQ, r.EXTRT, r.EXDOSE, r.EXDOSU, r.EXSTDY])).toEqual([
      [1, 'FLUDARABINE', 48.9, 'mg', -5],
      [2, 'CYCLOPHOSPHAMIDE', 490, 'mg', -5],
      [3, 'FLUDARABINE', 48.9, 'mg', -4],
      [4, 'CYCLOPHOSPHAMIDE', 490, 'mg', -4],
      [5, 'FLUDARABINE', 48.9, 'mg', -3],
      [6, 'CYCLOPHOSPHAMIDE', 490, 'mg', -3],
      [7, 'UCART-CD19-BCMA', 60000000, 'CAR+ cells', 1],
    ]);
    expect(ex[6]).toMatchObject({ EXCAT: 'CAR-T INFUSION', EXLOT: 'LOT-42', EXSTDTC: '2026-03-09T15:50', EXENDTC: '2026-03-09T16:05', EPOCH: 'TREATMENT' });
    expect(rowsOf(datasets, 'AE')).toEqual([
      expect.objectContaining({ AESEQ: 1, AESPID: 'crs-episode-1', AETERM: 'Cytokine release syndrome', AECAT: 'CRS', AETOXGR: '1', AESTDTC: '2026-03-10T04:05', AEENDTC: '2026-03-11T04:05', AEOUT: 'RECOVERED/RESOLVED', AESTDY: 2, EPOCH: 'FOLLOW-UP' }),
      expect.objectContaining({ AESEQ: 2, AESPID: 'ae-neutropenia', AETOXGR: '2', AEENDTC: '2026-03-11', AEOUT: 'RECOVERED/RESOLVED', AEREL: 'PROBABLY RELATED', AESER: 'N' }),
      expect.objectContaining({ AESEQ: 3, AESPID: 'ae-pneumonia', AETOXGR: '3', AESER: 'Y', AEENDTC: null, AESTDY: 3 }),
    ]);
    expect(rowsOf(datasets, 'SV').map((r) => [r.SVSEQ, r.VISITNUM, r.VISIT, r.VISITDY, r.SVOCCUR, r.SVSTDTC, r.SVSTDY, r.SVUPDES])).toEqual([
      [1, 0.01, 'UNSCHEDULED', null, 'Y', '2026-03-11', 3, 'Fever follow-up'],
      [2, 1, 'Week 1', 8, 'Y', '2026-03-16', 8, null],
      [3, 2, 'Day 10', 11, 'Y', '2026-03-19', 11, null],
      [4, 3, 'Week 2', 15, 'N', null, null, null],
      [5, 4, 'Week 3', 22, 'Y', '2026-03-27', 19, null], // corrected from 2026-03-30
    ]);
    // The missed visit was confirmed as a deviation; the corrected one dismissed: only the first is in DV.
    expect(rowsOf(datasets, 'DV')).toEqual([
      expect.objectContaining({ DVSEQ: 1, DVSPID: 'visit-missed:D14', DVDECOD: 'VISIT MISSED', DVCAT: 'VISIT SCHEDULE', DVSCAT: 'NOT IMPORTANT', DVSTDTC: '2026-03-26T00:00', DVSTDY: 18 }),
    ]);
    expect(rowsOf(datasets, 'DS').map((r) => [r.DSDECOD, r.EPOCH, r.DSSTDTC, r.DSSTDY])).toEqual([
      ['INFORMED CONSENT OBTAINED', 'SCREENING', '2026-03-02', -7],
      ['WITHDRAWAL BY SUBJECT', 'FOLLOW-UP', '2026-03-30', 22],
    ]);
  });

  it('orders participants by USUBJID and numbers --SEQ per participant', () => {
    const datasets = buildSdtm('ucart-cd19-bcma', [eventfulStoredJourney().subject(), smallJourney().subject()]);
    expect(rowsOf(datasets, 'DS').map((r) => [r.USUBJID, r.DSSEQ])).toEqual([
      ['ucart-cd19-bcma-TF-0001', 1],
      ['ucart-cd19-bcma-TF-0001', 2],
      ['ucart-cd19-bcma-TF-0002', 1],
      ['ucart-cd19-bcma-TF-0002', 2],
    ]);
  });
});

describe('SDTM files', () => {
  it('quotes what CSV must quote, so a reader gets every cell back as written', () => {
    const s = new StoredJourney('ucart-cd19-bcma', 'SLE', '2026-03-02T01:00:00.000Z');
    s.register().consent();
    const term = 'Rash, "maculopapular"\nsecond line';
    s.run({ type: 'Withdraw', data: { reason: term, safetyFollowUpConsented: false, withdrawnOn: s.date() } });
    const ds = buildSdtm('ucart-cd19-bcma', [s.subject()]).find((d) => d.domain === 'DS')!;
    const [header, , withdrawal] = parse(sdtmCsv(ds)) as string[][];
    expect(header).toEqual([...ds.variables]);
    expect(withdrawal![ds.variables.indexOf('DSTERM')]).toBe(term);
  });

  it('zips one CSV per domain, the same bytes for the same export', () => {
    const datasets = buildSdtm('ucart-cd19-bcma', [eventfulStoredJourney().subject()]);
    const zip = sdtmZip(datasets, '2026-04-01T00:00:00.000Z');
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['ae.csv', 'dm.csv', 'ds.csv', 'dv.csv', 'ex.csv', 'sv.csv']);
    expect(strFromU8(files['ex.csv']!)).toBe(csvOf(datasets, 'EX'));
    expect(Buffer.from(sdtmZip(datasets, '2026-04-01T00:00:00.000Z')).equals(Buffer.from(zip))).toBe(true);
  });
});
