import type { EntityManager } from 'typeorm';
import { keysetPage, type Page, type PageRequest, type SortKey } from '../paging/keyset-page.js';
import { DeviationRow } from './deviation.entity.js';

export interface DeviationLogQuery {
  /** Sites the reader may see. */
  readonly sites: readonly string[];
  readonly trialId?: string;
  readonly cohortId?: string;
  readonly participantId?: string;
  /** `CANDIDATE`, `CONFIRMED` or `DISMISSED`. */
  readonly status?: string;
  readonly rule?: string;
  readonly important?: boolean;
}

/** By participant, then in the order the deviations were raised. */
export const DEVIATION_LOG_ORDER: readonly SortKey<DeviationRow>[] = [
  { sql: 'd.participantCode', type: 'text', of: (r) => r.participantCode },
  { sql: 'd.raisedAtVersion', type: 'integer', of: (r) => r.raisedAtVersion },
  { sql: 'd.deviationId', type: 'text', of: (r) => r.deviationId },
];

/** One page of the protocol deviations log. */
export async function deviationLog(db: EntityManager, query: DeviationLogQuery, page: PageRequest): Promise<Page<DeviationRow>> {
  const qb = db.getRepository(DeviationRow).createQueryBuilder('d').where('d.siteId = ANY(:sites)', { sites: [...query.sites] });
  if (query.trialId) qb.andWhere('d.trialId = :trialId', { trialId: query.trialId });
  if (query.cohortId) qb.andWhere('d.cohortId = :cohortId', { cohortId: query.cohortId });
  if (query.participantId) qb.andWhere('d.participantId = :participantId', { participantId: query.participantId });
  if (query.status) qb.andWhere('d.status = :status', { status: query.status });
  if (query.rule) qb.andWhere('d.rule = :rule', { rule: query.rule });
  if (query.important !== undefined) qb.andWhere('d.important = :important', { important: query.important });
  return keysetPage(qb, DEVIATION_LOG_ORDER, page);
}
