import type { EntityManager } from 'typeorm';
import { keysetPage, type Page, type PageRequest, type SortKey } from '../paging/keyset-page.js';
import { SafetyEntryRow } from './safety-entry.entity.js';

export interface SafetyEntriesQuery {
  /** Sites the reader may see. */
  readonly sites: readonly string[];
  readonly trialId?: string;
  readonly cohortId?: string;
  readonly participantId?: string;
  /** `AE`, `CRS`, `ICANS` or `DLT_CANDIDATE`. */
  readonly kind?: string;
  /** Entries of at least this grade (AEs, CRS, ICANS). */
  readonly minGrade?: number;
  readonly serious?: boolean;
  /** DLT candidates: `PENDING`, `DLT` or `NOT_DLT`. */
  readonly dltStatus?: string;
}

export const SAFETY_ENTRIES_ORDER: readonly SortKey<SafetyEntryRow>[] = [
  { sql: 's.participantCode', type: 'text', of: (r) => r.participantCode },
  { sql: 's.kind', type: 'text', of: (r) => r.kind },
  { sql: 's.entryId', type: 'text', of: (r) => r.entryId },
];

/** One page of the safety entries behind the board: AEs, CRS and ICANS assessments, DLT candidates. */
export async function safetyEntries(db: EntityManager, query: SafetyEntriesQuery, page: PageRequest): Promise<Page<SafetyEntryRow>> {
  const qb = db.getRepository(SafetyEntryRow).createQueryBuilder('s').where('s.siteId = ANY(:sites)', { sites: [...query.sites] });
  if (query.trialId) qb.andWhere('s.trialId = :trialId', { trialId: query.trialId });
  if (query.cohortId) qb.andWhere('s.cohortId = :cohortId', { cohortId: query.cohortId });
  if (query.participantId) qb.andWhere('s.participantId = :participantId', { participantId: query.participantId });
  if (query.kind) qb.andWhere('s.kind = :kind', { kind: query.kind });
  if (query.minGrade !== undefined) qb.andWhere('s.grade >= :minGrade', { minGrade: query.minGrade });
  if (query.serious !== undefined) qb.andWhere('s.serious = :serious', { serious: query.serious });
  if (query.dltStatus) qb.andWhere('s.dltStatus = :dltStatus', { dltStatus: query.dltStatus });
  return keysetPage(qb, SAFETY_ENTRIES_ORDER, page);
}
