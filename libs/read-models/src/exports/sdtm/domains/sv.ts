import type { Protocol } from '@trialflow/domain';
import { liveEntriesOf } from '../../export-subject.js';
import type { SdtmRow, SdtmSubject } from '../sdtm-subject.js';

export const SV_VARIABLES = [
  'STUDYID', 'DOMAIN', 'USUBJID', 'SVSEQ', 'VISITNUM', 'VISIT', 'VISITDY', 'SVPRESP', 'SVOCCUR', 'SVREASOC', 'EPOCH', 'SVSTDTC', 'SVENDTC',
  'SVSTDY', 'SVENDY', 'SVUPDES',
] as const;

/** Planned study day in SDTM numbering (no day 0) of a visit anchored on the infusion; none for chained visits. */
function plannedDay(protocol: Protocol, visit: Protocol['visits'][number]): number | null {
  if (visit.anchor !== 'INFUSION') return null;
  const offset = protocol.dayNumbering === 'infusion-day-1' && visit.nominalDay > 0 ? visit.nominalDay - 1 : visit.nominalDay;
  return offset >= 0 ? offset + 1 : offset;
}

/**
 * Subject visits: each scheduled visit done (as corrected) or missed, numbered by its place in the protocol's
 * schedule, and each unscheduled visit not voided, numbered after the scheduled visit before it (x.01, x.02).
 */
export function svRows(subject: SdtmSubject): SdtmRow[] {
  const protocol = subject.facts.protocol;
  const visits = protocol?.visits ?? [];
  const keys = subject.keys('SV');
  const planned = (visitId: string) => {
    const index = visits.findIndex((v) => v.id === visitId);
    const visit = visits[index];
    return { VISITNUM: index >= 0 ? index + 1 : null, VISIT: visit?.label ?? visitId, VISITDY: protocol && visit ? plannedDay(protocol, visit) : null };
  };
  const done = liveEntriesOf(subject.entries, 'VisitCompleted').map((entry): SdtmRow => {
    const date = String(entry.data.actualDate ?? '');
    return { ...keys, ...planned(String(entry.data.visitId)), SVPRESP: 'Y', SVOCCUR: 'Y', SVREASOC: null, EPOCH: subject.epoch(date), SVSTDTC: date, SVENDTC: date, SVSTDY: subject.studyDay(date), SVENDY: subject.studyDay(date), SVUPDES: null };
  });
  const missed = subject.facts.events.flatMap(({ event }): SdtmRow[] =>
    event.type === 'VisitMissed'
      ? [{ ...keys, ...planned(event.data.visitId), SVPRESP: 'Y', SVOCCUR: 'N', SVREASOC: `Window closed on ${event.data.windowClosedOn} with the visit not done`, EPOCH: subject.epoch(event.data.windowClosedOn), SVSTDTC: null, SVENDTC: null, SVSTDY: null, SVENDY: null, SVUPDES: null }]
      : [],
  );
  const scheduled = [...done, ...missed];
  const counts = new Map<number, number>();
  const unscheduled = liveEntriesOf(subject.entries, 'UnscheduledVisitRecorded')
    .map((entry) => ({ entry, date: String(entry.data.visitDate ?? '') }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(({ entry, date }): SdtmRow => {
      // The last scheduled visit on or before this date gives the number it follows (0 before the first).
      const before = scheduled.filter((r) => typeof r.VISITNUM === 'number' && typeof r.SVSTDTC === 'string' && r.SVSTDTC <= date).map((r) => r.VISITNUM as number);
      const base = before.length > 0 ? Math.max(...before) : 0;
      const n = (counts.get(base) ?? 0) + 1;
      counts.set(base, n);
      return { ...keys, VISITNUM: Math.round((base + n / 100) * 100) / 100, VISIT: 'UNSCHEDULED', VISITDY: null, SVPRESP: null, SVOCCUR: 'Y', SVREASOC: null, EPOCH: subject.epoch(date), SVSTDTC: date, SVENDTC: date, SVSTDY: subject.studyDay(date), SVENDY: subject.studyDay(date), SVUPDES: String(entry.data.reason ?? '') };
    });
  return [...scheduled, ...unscheduled];
}
