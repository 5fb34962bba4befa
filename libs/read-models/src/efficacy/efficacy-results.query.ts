import type { EntityManager } from 'typeorm';
import { keysetPage, type Page, type PageRequest, type SortKey } from '../paging/keyset-page.js';
import { EfficacyResultRow } from './efficacy-result.entity.js';

export interface EfficacyResultsQuery {
  /** Sites the reader may see. */
  readonly sites: readonly string[];
  readonly trialId?: string;
  readonly cohortId?: string;
  readonly participantId?: string;
  readonly instrument?: string;
  /** `BASELINE` or a visit id. */
  readonly timepoint?: string;
  /** `RECORDED`, `DONE`, `NOT_DONE` or `MISSED`. */
  readonly status?: string;
}

/** Baseline sorts before day 0. */
const BASELINE_DAY = -1_000_000;

/** By participant, then over time (baseline first, then by the timepoint's nominal day), then instrument. */
export const EFFICACY_RESULTS_ORDER: readonly SortKey<EfficacyResultRow>[] = [
  { sql: 'e.participantCode', type: 'text', of: (r) => r.participantCode },
  { sql: `COALESCE(e.nominalDay, ${BASELINE_DAY})`, type: 'integer', of: (r) => r.nominalDay ?? BASELINE_DAY },
  { sql: 'e.timepoint', type: 'text', of: (r) => r.timepoint },
  { sql: 'e.instrument', type: 'text', of: (r) => r.instrument },
];

/** One page of efficacy results over time. */
export async function efficacyResults(db: EntityManager, query: EfficacyResultsQuery, page: PageRequest): Promise<Page<EfficacyResultRow>> {
  const qb = db.getRepository(EfficacyResultRow).createQueryBuilder('e').where('e.siteId = ANY(:sites)', { sites: [...query.sites] });
  if (query.trialId) qb.andWhere('e.trialId = :trialId', { trialId: query.trialId });
  if (query.cohortId) qb.andWhere('e.cohortId = :cohortId', { cohortId: query.cohortId });
  if (query.participantId) qb.andWhere('e.participantId = :participantId', { participantId: query.participantId });
  if (query.instrument) qb.andWhere('e.instrument = :instrument', { instrument: query.instrument });
  if (query.timepoint) qb.andWhere('e.timepoint = :timepoint', { timepoint: query.timepoint });
  if (query.status) qb.andWhere('e.status = :status', { status: query.status });
  return keysetPage(qb, EFFICACY_RESULTS_ORDER, page);
}
