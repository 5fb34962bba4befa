import type { EntityManager } from 'typeorm';
import { keysetPage, type Page, type PageRequest, type SortKey } from '../paging/keyset-page.js';
import { ParticipantRow } from './participant.entity.js';

/** `ACTIVE`: still in the study (no end reason); `ENDED`: any end reason; or one end reason. */
export type ParticipantStatus = 'ACTIVE' | 'ENDED' | 'WITHDRAWN' | 'LOST_TO_FOLLOW_UP' | 'DIED' | 'COMPLETED';

export interface ParticipantListQuery {
  /** Sites the reader may see: only their participants are listed (never empty: an empty list of sites lists nothing). */
  readonly sites: readonly string[];
  readonly trialId?: string;
  readonly cohortId?: string;
  readonly phase?: string;
  readonly status?: ParticipantStatus;
  /** Only participants whose eligible evaluation waits for the investigator's e-signature. */
  readonly eligibilityToSign?: boolean;
}

/** Participant code order: unique, stable, and what a coordinator scans for. */
export const PARTICIPANT_LIST_ORDER: readonly SortKey<ParticipantRow>[] = [{ sql: 'p.participantCode', type: 'text', of: (r) => r.participantCode }];

/** One page of the roster, filtered, by participant code. */
export async function participantList(db: EntityManager, query: ParticipantListQuery, page: PageRequest): Promise<Page<ParticipantRow>> {
  const qb = db.getRepository(ParticipantRow).createQueryBuilder('p').where('p.siteId = ANY(:sites)', { sites: [...query.sites] });
  if (query.trialId) qb.andWhere('p.trialId = :trialId', { trialId: query.trialId });
  if (query.cohortId) qb.andWhere('p.cohortId = :cohortId', { cohortId: query.cohortId });
  if (query.phase) qb.andWhere('p.phase = :phase', { phase: query.phase });
  if (query.status === 'ACTIVE') qb.andWhere('p.endReason IS NULL');
  else if (query.status === 'ENDED') qb.andWhere('p.endReason IS NOT NULL');
  else if (query.status) qb.andWhere('p.endReason = :endReason', { endReason: query.status });
  if (query.eligibilityToSign === true) qb.andWhere('p.eligibilityToSignSince IS NOT NULL');
  else if (query.eligibilityToSign === false) qb.andWhere('p.eligibilityToSignSince IS NULL');
  return keysetPage(qb, PARTICIPANT_LIST_ORDER, page);
}
