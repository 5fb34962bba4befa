import type { EntityManager } from 'typeorm';
import { EfficacyResultRow } from './efficacy-result.entity.js';
import { summariseResponses, type ResponseSummaryLine } from './response-summary.js';

/**
 * The response summary of a trial for the participants of `sites` (what a reader bound to them may see): the
 * scored visit rows with a response call, summarised by `summariseResponses`.
 */
export async function efficacySummary(db: EntityManager, trialId: string, sites: readonly string[]): Promise<ResponseSummaryLine[]> {
  const rows = await db
    .getRepository(EfficacyResultRow)
    .createQueryBuilder('e')
    .where('e.trialId = :trialId', { trialId })
    .andWhere('e.siteId = ANY(:sites)', { sites: [...sites] })
    .andWhere(`e.timepoint <> 'BASELINE'`)
    .andWhere(`e.status = 'RECORDED'`)
    .andWhere('e.response IS NOT NULL')
    .getMany();
  return summariseResponses(rows);
}
