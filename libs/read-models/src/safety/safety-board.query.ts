import type { EntityManager } from 'typeorm';

/** One line of the safety board: a cohort (and dose level) of a trial. Counts are of participants unless named otherwise. */
export interface SafetyBoardLine {
  readonly trialId: string;
  readonly cohortId: string;
  readonly doseLevelId: string | null;
  readonly infused: number;
  readonly withCrs: number;
  readonly withCrsGrade3Plus: number;
  readonly withIcans: number;
  readonly withIcansGrade3Plus: number;
  readonly withAeGrade3Plus: number;
  readonly seriousAdverseEvents: number;
  readonly saeReportsDue: number;
  readonly dltsConfirmed: number;
  readonly dltCandidatesPending: number;
  /** Participants whose DLT window has closed: the denominator of a DLT rate. */
  readonly dltEvaluable: number;
}

/**
 * The AE/CRS/ICANS and DLT board of a trial, per cohort and dose level, from the roster and the safety entries.
 * With `sites`, only the participants of those sites count: what a reader bound to them may see.
 */
export async function safetyBoard(db: EntityManager, trialId: string, sites?: readonly string[]): Promise<SafetyBoardLine[]> {
  const rows = (await db.query(
    `SELECT p.trial_id, p.cohort_id, p.dose_level_id,
            count(DISTINCT p.participant_id) FILTER (WHERE p.infusion_date IS NOT NULL)                       AS infused,
            count(DISTINCT s.participant_id) FILTER (WHERE s.kind = 'CRS')                                      AS with_crs,
            count(DISTINCT s.participant_id) FILTER (WHERE s.kind = 'CRS' AND s.grade >= 3)                     AS with_crs_3,
            count(DISTINCT s.participant_id) FILTER (WHERE s.kind = 'ICANS')                                    AS with_icans,
            count(DISTINCT s.participant_id) FILTER (WHERE s.kind = 'ICANS' AND s.grade >= 3)                   AS with_icans_3,
            count(DISTINCT s.participant_id) FILTER (WHERE s.kind = 'AE' AND s.grade >= 3)                      AS with_ae_3,
            count(s.entry_id) FILTER (WHERE s.kind = 'AE' AND s.serious)                                        AS sae,
            count(s.entry_id) FILTER (WHERE s.kind = 'AE' AND s.serious AND s.sae_reported_at IS NULL)          AS sae_due,
            count(s.entry_id) FILTER (WHERE s.kind = 'DLT_CANDIDATE' AND s.dlt_status = 'DLT')                  AS dlt,
            count(s.entry_id) FILTER (WHERE s.kind = 'DLT_CANDIDATE' AND s.dlt_status = 'PENDING')              AS dlt_pending,
            count(DISTINCT p.participant_id) FILTER (WHERE p.dlt_window_closed)                                 AS dlt_evaluable
     FROM rm_participants p LEFT JOIN rm_safety_entries s ON s.participant_id = p.participant_id
     WHERE p.trial_id = $1 AND ($2::text[] IS NULL OR p.site_id = ANY($2::text[]))
     GROUP BY p.trial_id, p.cohort_id, p.dose_level_id
     ORDER BY p.cohort_id, p.dose_level_id NULLS FIRST`,
    [trialId, sites === undefined ? null : [...sites]],
  )) as Record<string, string | null>[];
  const n = (value: string | null | undefined) => Number(value ?? 0);
  return rows.map((r) => ({
    trialId: r.trial_id ?? trialId,
    cohortId: r.cohort_id ?? '',
    doseLevelId: r.dose_level_id ?? null,
    infused: n(r.infused),
    withCrs: n(r.with_crs),
    withCrsGrade3Plus: n(r.with_crs_3),
    withIcans: n(r.with_icans),
    withIcansGrade3Plus: n(r.with_icans_3),
    withAeGrade3Plus: n(r.with_ae_3),
    seriousAdverseEvents: n(r.sae),
    saeReportsDue: n(r.sae_due),
    dltsConfirmed: n(r.dlt),
    dltCandidatesPending: n(r.dlt_pending),
    dltEvaluable: n(r.dlt_evaluable),
  }));
}
