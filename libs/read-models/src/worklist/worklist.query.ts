import { addDaysToDate, type IsoDate } from '@trialflow/domain';
import type { EntityManager } from 'typeorm';
import { classifyWorklistItem, DEFAULT_HORIZON_DAYS, type WorklistEntry } from './worklist-classification.js';
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

/**
 * The coordinators' worklist: every open item up to the horizon, most urgent first, each classified for
 * today (due today, overdue, window closing soon). Reads the stored dates; classifies at read time.
 */
export async function coordinatorWorklist(db: EntityManager, query: WorklistQuery): Promise<WorklistEntry[]> {
  const horizon = addDaysToDate(query.today, query.horizonDays ?? DEFAULT_HORIZON_DAYS);
  const qb = db.getRepository(WorklistItemRow).createQueryBuilder('w').where('w.dueOn <= :horizon', { horizon });
  if (query.siteId) qb.andWhere('w.siteId = :siteId', { siteId: query.siteId });
  if (query.trialId) qb.andWhere('w.trialId = :trialId', { trialId: query.trialId });
  const items = await qb.orderBy('w.dueAt', 'ASC').addOrderBy('w.participantCode', 'ASC').addOrderBy('w.itemId', 'ASC').getMany();
  return items.map((item) => classifyWorklistItem(item, query));
}
