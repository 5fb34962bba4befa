import type { WorklistItem } from '../api/types.js';

export interface WorklistCategories {
  readonly overdue: readonly WorklistItem[];
  readonly dueToday: readonly WorklistItem[];
  readonly closingSoon: readonly WorklistItem[];
  /** Everything else up to the horizon. */
  readonly later: readonly WorklistItem[];
}

/**
 * The worklist's sections, each item in the most urgent one it belongs to (overdue, then due today, then
 * closing soon), from the flags the API judged for the item's site and moment: the live worklist and the
 * auditor's worklist "as of" an instant are sorted the same way.
 */
export function worklistCategories(items: readonly WorklistItem[]): WorklistCategories {
  return {
    overdue: items.filter((i) => i.overdue),
    dueToday: items.filter((i) => !i.overdue && i.dueToday),
    closingSoon: items.filter((i) => !i.overdue && !i.dueToday && i.closingSoon),
    later: items.filter((i) => !i.overdue && !i.dueToday && !i.closingSoon),
  };
}

/** How far the item is from its due day, in words. */
export function dueIn(item: WorklistItem): string {
  if (item.overdue) return '(overdue)';
  if (item.dueToday) return '(today)';
  return item.daysUntilDue === 1 ? '(tomorrow)' : item.daysUntilDue > 0 ? `(in ${item.daysUntilDue} days)` : `(${-item.daysUntilDue} days ago)`;
}
