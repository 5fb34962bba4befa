import { addDaysToDate, daysBetween, type IsoDate } from '@trialflow/domain';
import type { WorklistItemRow } from './worklist-item.entity.js';

/** A window that closes within this many days is "closing soon", unless the reader asks otherwise. */
export const DEFAULT_CLOSING_SOON_DAYS = 3;
/** Items due further ahead than this many days are left out, unless the reader asks otherwise. */
export const DEFAULT_HORIZON_DAYS = 14;

/** The moment an item is judged at: the site's calendar date then, and the instant (for deadlines at an instant). */
export interface WorklistMoment {
  readonly today: IsoDate;
  readonly now: Date;
  readonly closingSoonDays?: number;
}

export interface WorklistEntry {
  readonly item: WorklistItemRow;
  readonly dueToday: boolean;
  /** Past its target day (a visit whose window is still open) or past its deadline. */
  readonly overdue: boolean;
  readonly windowOpen: boolean;
  readonly closingSoon: boolean;
  readonly daysUntilDue: number;
}

/** Whether an item falls within the worklist's horizon from `today` (overdue items always do). */
export const withinHorizon = (item: Pick<WorklistItemRow, 'dueOn'>, today: IsoDate, horizonDays = DEFAULT_HORIZON_DAYS): boolean => item.dueOn <= addDaysToDate(today, horizonDays);

/**
 * The worklist's rules for one open item at one moment: due today, overdue, window open, closing soon. One
 * place for them, so the live worklist (today) and the auditor's worklist as of any past instant agree.
 */
export function classifyWorklistItem(item: WorklistItemRow, moment: WorklistMoment): WorklistEntry {
  const { today, now } = moment;
  const closingSoonDays = moment.closingSoonDays ?? DEFAULT_CLOSING_SOON_DAYS;
  const closes = item.windowCloses ?? item.dueOn;
  return {
    item,
    dueToday: item.dueOn === today,
    overdue: item.kind === 'VISIT' ? today > item.dueOn : now.getTime() > item.dueAt.getTime(),
    windowOpen: item.windowOpens !== null && item.windowOpens <= today && today <= closes,
    closingSoon: today <= closes && daysBetween(today, closes) <= closingSoonDays && (item.windowOpens === null || item.windowOpens <= today),
    daysUntilDue: daysBetween(today, item.dueOn),
  };
}

/** Most urgent first: by the instant it is late after, then participant code and item id (stable). */
export const byUrgency = (a: WorklistItemRow, b: WorklistItemRow): number =>
  a.dueAt.getTime() - b.dueAt.getTime() || a.participantCode.localeCompare(b.participantCode) || a.itemId.localeCompare(b.itemId);
