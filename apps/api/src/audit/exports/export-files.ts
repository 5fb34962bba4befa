import { randomUUID } from 'node:crypto';
import { StreamableFile } from '@nestjs/common';
import { buildOdm, buildSdtm, sdtmCsv, sdtmFileName, sdtmZip, type ExportSubject, type SdtmDomain } from '@trialflow/read-models';

/**
 * The export files. Builders are pure (libs/read-models/src/exports); this is where the instant the store
 * was read and the file's unique id come in. File names carry only pseudonymous codes and trial ids.
 */
export function odmFile(trialId: string, subjects: readonly ExportSubject[], baseName: string, granularity?: 'SingleSubject'): StreamableFile {
  const createdAt = new Date().toISOString();
  const xml = buildOdm(trialId, subjects, { fileOid: `urn:uuid:${randomUUID()}`, createdAt, ...(granularity ? { granularity } : {}) });
  return new StreamableFile(Buffer.from(xml, 'utf8'), { type: 'application/xml; charset=utf-8', disposition: `attachment; filename="${baseName}.odm.xml"` });
}

/** One domain as a CSV file, or all six as a zip of CSV files (README.md of the exports, "SDTM"). */
export function sdtmFile(trialId: string, subjects: readonly ExportSubject[], baseName: string, domain?: SdtmDomain): StreamableFile {
  const datasets = buildSdtm(trialId, subjects);
  const one = domain ? datasets.find((d) => d.domain === domain) : undefined;
  if (one) {
    return new StreamableFile(Buffer.from(sdtmCsv(one), 'utf8'), { type: 'text/csv; charset=utf-8; header=present', disposition: `attachment; filename="${baseName}-${sdtmFileName(one)}"` });
  }
  return new StreamableFile(Buffer.from(sdtmZip(datasets, new Date().toISOString())), { type: 'application/zip', disposition: `attachment; filename="${baseName}-sdtm.zip"` });
}
