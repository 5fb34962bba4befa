import { addDaysToDate, daysBetween, type IsoDate } from '@trialflow/domain';
import type { EntityManager } from 'typeorm';
import { WorklistItemRow } from './worklist-item.entity.js';

export interface WorklistQuery {
  readonly siteId?: string;
  readonly trialId?: string;
  /** Today at the site (its local calendar date): the only input that changes from day to day. */
  readonly today: IsoDate;
  /** The current instant, for items that fall due at an instant (an SAE report clock). */
  readonly now: Date;
  /** A window that closes within this many days is "closing soon". */
  readonly closingSoonDays?: number;
  /** Items due further ahead than this are left out. */
  readonly horizonDays?: number;
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

/**
 * The coordinators' worklist: every open item up to the horizon, most urgent first, each classified for
 * today (due today, overdue, window closing soon). Reads the stored dates; classifies at read time.
 */
export async function coordinatorWorklist(db: EntityManager, query: WorklistQuery): Promise<WorklistEntry[]> {
  const closingSoonDays = query.closingSoonDays ?? 3;
  const horizon = addDaysToDate(query.today, query.horizonDays ?? 14);
  const qb = db.getRepository(WorklistItemRow).createQueryBuilder('w').where('w.dueOn <= :horizon', { horizon });
  if (query.siteId) qb.andWhere('w.siteId = :siteId', { siteId: query.siteId });
  if (query.trialId) qb.andWhere('w.trialId = :trialId', { trialId: query.trialId });
  const items = await qb.orderBy('w.dueAt', 'ASC').addOrderBy('w.participantCode', 'ASC').addOrderBy('w.itemId', 'ASC').getMany();
  return items.map((item) => {
    const closes = item.windowCloses ?? item.dueOn;
    const lateAt = item.kind === 'VISIT' ? query.today > item.dueOn : query.now.getTime() > item.dueAt.getTime();
    return {
      item,
      dueToday: item.dueOn === query.today,
      overdue: lateAt,
      windowOpen: item.windowOpens !== null && item.windowOpens <= query.today && query.today <= closes,
      closingSoon: query.today <= closes && daysBetween(query.today, closes) <= closingSoonDays && (item.windowOpens === null || item.windowOpens <= query.today),
      daysUntilDue: daysBetween(query.today, item.dueOn),
    };
  });
}
