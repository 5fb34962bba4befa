import { liveEntriesOf } from '../../export-subject.js';
import type { SdtmRow, SdtmSubject } from '../sdtm-subject.js';

export const EX_VARIABLES = [
  'STUDYID', 'DOMAIN', 'USUBJID', 'EXSEQ', 'EXSPID', 'EXTRT', 'EXCAT', 'EXDOSE', 'EXDOSU', 'EXDOSFRM', 'EXROUTE', 'EXLOT', 'EPOCH',
  'EXSTDTC', 'EXENDTC', 'EXSTDY', 'EXENDY',
] as const;

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Exposure: each lymphodepletion dose given (as corrected) and the CAR-T infusion. Both are intravenous by the
 * regimen; the dose form and the product's name are not recorded, so EXDOSFRM is empty and EXTRT for the
 * product is the trial's id (README.md, "approximate").
 */
export function exRows(subject: SdtmSubject): SdtmRow[] {
  const keys = subject.keys('EX');
  const doses = liveEntriesOf(subject.entries, 'LymphodepletionDoseAdministered').map((entry): SdtmRow => {
    const at = subject.localDateTime(entry.recorded.event.occurredAt);
    return {
      ...keys,
      EXSPID: str(entry.data.entryId),
      EXTRT: (str(entry.data.drug) ?? '').toUpperCase(),
      EXCAT: 'LYMPHODEPLETION',
      EXDOSE: num(entry.data.doseMg),
      EXDOSU: 'mg',
      EXDOSFRM: null,
      EXROUTE: 'INTRAVENOUS',
      EXLOT: null,
      EPOCH: subject.epoch(at),
      EXSTDTC: at,
      EXENDTC: at,
      EXSTDY: subject.studyDay(at),
      EXENDY: subject.studyDay(at),
    };
  });
  const infusion = subject.infusion;
  if (!infusion) return doses;
  const lot = subject.facts.events.filter((e) => e.event.type === 'ProductLotAllocated').at(-1)?.event.data as { lotId?: string } | undefined;
  const start = str(infusion.data.startedAt) ? subject.localDateTime(infusion.data.startedAt as string) : null;
  const end = str(infusion.data.completedAt) ? subject.localDateTime(infusion.data.completedAt as string) : null;
  return [
    ...doses,
    {
      ...keys,
      EXSPID: str(infusion.data.entryId),
      EXTRT: subject.studyId.toUpperCase(),
      EXCAT: 'CAR-T INFUSION',
      EXDOSE: num(infusion.data.carPositiveCellsInfused),
      EXDOSU: 'CAR+ cells',
      EXDOSFRM: null,
      EXROUTE: 'INTRAVENOUS',
      EXLOT: lot?.lotId ?? null,
      EPOCH: subject.epoch(start),
      EXSTDTC: start,
      EXENDTC: end,
      EXSTDY: subject.studyDay(start),
      EXENDY: subject.studyDay(end),
    },
  ];
}
