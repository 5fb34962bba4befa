export { recordedEvents, subjectFacts, type ExportSubject, type SubjectFacts } from './export-subject.js';
export { buildOdm, ODM_LAYOUT_VERSION, ODM_NAMESPACE, type OdmExportOptions } from './odm/odm-document.js';
export { buildSdtm, SDTM_DOMAINS, type SdtmDataset, type SdtmDomain } from './sdtm/sdtm-datasets.js';
export { sdtmCsv, sdtmFileName, sdtmZip } from './sdtm/sdtm-files.js';
export type { SdtmRow, SdtmValue } from './sdtm/sdtm-subject.js';
