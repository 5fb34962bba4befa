import { subjectFacts, type ExportSubject, type SubjectFacts } from '../export-subject.js';
import { AE_VARIABLES, aeRows } from './domains/ae.js';
import { DM_VARIABLES, dmRow } from './domains/dm.js';
import { DS_VARIABLES, dsRows } from './domains/ds.js';
import { DV_VARIABLES, dvRows } from './domains/dv.js';
import { EX_VARIABLES, exRows } from './domains/ex.js';
import { SV_VARIABLES, svRows } from './domains/sv.js';
import { sdtmSubject, type SdtmRow, type SdtmSubject } from './sdtm-subject.js';

export const SDTM_DOMAINS = ['DM', 'SV', 'EX', 'AE', 'DS', 'DV'] as const;
export type SdtmDomain = (typeof SDTM_DOMAINS)[number];

export interface SdtmDataset {
  readonly domain: SdtmDomain;
  readonly label: string;
  /** Column order of the file (SDTMIG 3.x variable names). */
  readonly variables: readonly string[];
  readonly rows: readonly SdtmRow[];
}

interface DomainSpec {
  readonly label: string;
  readonly variables: readonly string[];
  readonly rows: (subject: SdtmSubject) => SdtmRow[];
  /** The timing variable rows are ordered by within a participant before --SEQ is assigned. */
  readonly orderBy?: string;
}

const SPECS: Readonly<Record<SdtmDomain, DomainSpec>> = {
  DM: { label: 'Demographics', variables: DM_VARIABLES, rows: (s) => [dmRow(s)] },
  SV: { label: 'Subject Visits', variables: SV_VARIABLES, rows: svRows, orderBy: 'VISITNUM' },
  EX: { label: 'Exposure', variables: EX_VARIABLES, rows: exRows, orderBy: 'EXSTDTC' },
  AE: { label: 'Adverse Events', variables: AE_VARIABLES, rows: aeRows, orderBy: 'AESTDTC' },
  DS: { label: 'Disposition', variables: DS_VARIABLES, rows: dsRows, orderBy: 'DSSTDTC' },
  DV: { label: 'Protocol Deviations', variables: DV_VARIABLES, rows: dvRows, orderBy: 'DVSTDTC' },
};

/** Empty cells last; numbers by value, text by its ISO 8601 order. Ties keep the order the rows were built in. */
function compare(a: SdtmRow[string] | undefined, b: SdtmRow[string] | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * The six SDTM-shaped datasets of the given participants (streams that are not participants are left out), one
 * row set per domain, participants in USUBJID order, --SEQ numbered per participant after ordering by time.
 */
export function buildSdtm(trialId: string, subjects: readonly ExportSubject[]): SdtmDataset[] {
  const people = subjects
    .map(subjectFacts)
    .filter((f): f is SubjectFacts => f !== undefined && f.trialId === trialId)
    .map(sdtmSubject)
    .sort((a, b) => (a.usubjid < b.usubjid ? -1 : a.usubjid > b.usubjid ? 1 : 0));
  return SDTM_DOMAINS.map((domain): SdtmDataset => {
    const spec = SPECS[domain];
    const rows = people.flatMap((person) => {
      const own = spec.rows(person);
      if (!spec.orderBy) return own;
      const ordered = own.map((row, i) => ({ row, i })).sort((x, y) => compare(x.row[spec.orderBy!], y.row[spec.orderBy!]) || x.i - y.i);
      return ordered.map(({ row }, i) => ({ ...row, [`${domain}SEQ`]: i + 1 }));
    });
    return { domain, label: spec.label, variables: spec.variables, rows };
  });
}
