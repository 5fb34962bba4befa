import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { SdtmDataset } from './sdtm-datasets.js';

/**
 * One dataset as CSV (RFC 4180: CRLF line ends, fields quoted only when they must be, by csv-stringify):
 * a header row of the variable names, then one line per row; an empty cell for a null.
 */
export function sdtmCsv(dataset: SdtmDataset): string {
  const records = dataset.rows.map((row) => dataset.variables.map((v) => row[v] ?? null));
  return stringify([[...dataset.variables], ...records], {
    record_delimiter: 'windows',
    cast: { number: (value) => String(value) },
  });
}

export const sdtmFileName = (dataset: Pick<SdtmDataset, 'domain'>): string => `${dataset.domain.toLowerCase()}.csv`;

/**
 * All datasets as one zip (`dm.csv`, `sv.csv`, `ex.csv`, `ae.csv`, `ds.csv`, `dv.csv`), every entry stamped
 * with the export's own time so the same export gives the same bytes.
 */
export function sdtmZip(datasets: readonly SdtmDataset[], createdAt: string): Uint8Array {
  const mtime = new Date(createdAt);
  return zipSync(Object.fromEntries(datasets.map((d) => [sdtmFileName(d), [strToU8(sdtmCsv(d)), { mtime }]])), { level: 6 });
}
