import type { Protocol } from '../../protocols/protocol.schema.js';
import { addDaysToDate, type IsoDate } from '../../shared/time.js';
import type { ParticipantState } from '../state.js';

/** The first date on which every recorded medication stop has served its class's minimum washout. */
export function washoutCompleteOn(protocol: Protocol, state: ParticipantState): { date: IsoDate; entryId: string } | undefined {
  let latest: { date: IsoDate; entryId: string } | undefined;
  for (const stop of state.medicationStops) {
    const rule = protocol.washout.classes.find((c) => c.drugClass === stop.value.drugClass);
    const date = addDaysToDate(stop.value.lastDoseOn, rule?.minimumDays ?? 0);
    if (!latest || date > latest.date) latest = { date, entryId: stop.entryId };
  }
  return latest;
}

/** Medication stops whose washout had not finished by `referenceDate` (the LD start, by default protocol). */
export function washoutShortfalls(protocol: Protocol, state: ParticipantState, referenceDate: IsoDate): { entryId: string; drugClass: string; completeOn: IsoDate }[] {
  return state.medicationStops.flatMap((stop) => {
    const rule = protocol.washout.classes.find((c) => c.drugClass === stop.value.drugClass);
    const completeOn = addDaysToDate(stop.value.lastDoseOn, rule?.minimumDays ?? 0);
    return completeOn > referenceDate ? [{ entryId: stop.entryId, drugClass: stop.value.drugClass, completeOn }] : [];
  });
}
