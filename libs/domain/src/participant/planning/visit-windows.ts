import type { Protocol } from '../../protocols/protocol.schema.js';
import type { Visit } from '../../protocols/schema/schedule.schema.js';
import { addDaysToDate, type IsoDate } from '../../shared/time.js';
import { dateOfStudyDay } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';

export interface VisitWindow {
  readonly visit: Visit;
  readonly target: IsoDate;
  readonly opens: IsoDate;
  readonly closes: IsoDate;
}

/**
 * Each scheduled visit's target date and window, computed from the actual infusion date, or from the previous
 * visit's actual date when anchored on it (falling back to that visit's target while it is not done).
 */
export function visitWindows(protocol: Protocol, state: ParticipantState): VisitWindow[] {
  const infusionDate = state.infusion?.infusionDate;
  if (!infusionDate) return [];
  const windows: VisitWindow[] = [];
  let previous: { visit: Visit; target: IsoDate } | undefined;
  for (const visit of protocol.visits) {
    let target: IsoDate;
    if (visit.anchor === 'PREVIOUS_VISIT' && previous) {
      const previousActual = state.visits.find((v) => v.value.visitId === previous!.visit.id)?.value.actualDate;
      target = addDaysToDate(previousActual ?? previous.target, visit.nominalDay - previous.visit.nominalDay);
    } else {
      target = dateOfStudyDay(infusionDate, visit.nominalDay, protocol.dayNumbering);
    }
    windows.push({ visit, target, opens: addDaysToDate(target, -visit.windowBeforeDays), closes: addDaysToDate(target, visit.windowAfterDays) });
    previous = { visit, target };
  }
  return windows;
}

export const windowOf = (protocol: Protocol, state: ParticipantState, visitId: string): VisitWindow | undefined =>
  visitWindows(protocol, state).find((w) => w.visit.id === visitId);
