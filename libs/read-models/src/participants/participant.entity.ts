import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The participants roster row. `lastStreamVersion` lets a reader wait until its own write is visible.
 * Study day is not stored (it changes every day): derive it from `infusionDate` and `dayNumbering` with
 * `studyDayOn` (roster.query.ts), so a rebuilt roster is identical to the incrementally built one.
 */
@Entity({ name: 'rm_participants' })
export class ParticipantRow {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @Column({ name: 'participant_code', type: 'text', unique: true })
  participantCode!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'protocol_version', type: 'text' })
  protocolVersion!: string;

  @Column({ name: 'cohort_id', type: 'text' })
  cohortId!: string;

  @Column({ name: 'site_id', type: 'text' })
  siteId!: string;

  @Column({ name: 'phase', type: 'text' })
  phase!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'screening_window_elapsed', type: 'boolean', default: false })
  screeningWindowElapsed!: boolean;

  @Column({ name: 'last_stream_version', type: 'integer' })
  lastStreamVersion!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ name: 'dose_level_id', type: 'text', nullable: true })
  doseLevelId!: string | null;

  @Column({ name: 'enrolled_at', type: 'timestamptz', nullable: true })
  enrolledAt!: Date | null;

  /** Calendar date of the infusion at the site: study day 0 (or 1) of every later date. */
  @Column({ name: 'infusion_date', type: 'date', nullable: true })
  infusionDate!: string | null;

  @Column({ name: 'day_numbering', type: 'text', nullable: true })
  dayNumbering!: string | null;

  @Column({ name: 'site_utc_offset_minutes', type: 'integer', nullable: true })
  siteUtcOffsetMinutes!: number | null;

  @Column({ name: 'next_visit_id', type: 'text', nullable: true })
  nextVisitId!: string | null;

  @Column({ name: 'next_visit_label', type: 'text', nullable: true })
  nextVisitLabel!: string | null;

  @Column({ name: 'next_visit_target', type: 'date', nullable: true })
  nextVisitTarget!: string | null;

  @Column({ name: 'next_visit_opens', type: 'date', nullable: true })
  nextVisitOpens!: string | null;

  @Column({ name: 'next_visit_closes', type: 'date', nullable: true })
  nextVisitCloses!: string | null;

  @Column({ name: 'next_deadline_kind', type: 'text', nullable: true })
  nextDeadlineKind!: string | null;

  @Column({ name: 'next_deadline_label', type: 'text', nullable: true })
  nextDeadlineLabel!: string | null;

  @Column({ name: 'next_deadline_at', type: 'timestamptz', nullable: true })
  nextDeadlineAt!: Date | null;

  @Column({ name: 'safety_follow_up_only', type: 'boolean', default: false })
  safetyFollowUpOnly!: boolean;

  @Column({ name: 'open_deviations', type: 'integer', default: 0 })
  openDeviations!: number;

  @Column({ name: 'pending_dlt_candidates', type: 'integer', default: 0 })
  pendingDltCandidates!: number;

  /** Since when an eligible evaluation waits for the investigator's e-signature; null when none does. */
  @Column({ name: 'eligibility_to_sign_since', type: 'timestamptz', nullable: true })
  eligibilityToSignSince!: Date | null;

  @Column({ name: 'confirmed_dlts', type: 'integer', default: 0 })
  confirmedDlts!: number;

  @Column({ name: 'sae_reports_due', type: 'integer', default: 0 })
  saeReportsDue!: number;

  @Column({ name: 'missed_visits', type: 'integer', default: 0 })
  missedVisits!: number;

  @Column({ name: 'dlt_window_closed', type: 'boolean', default: false })
  dltWindowClosed!: boolean;

  @Column({ name: 'ae_collection_ended', type: 'boolean', default: false })
  aeCollectionEnded!: boolean;
}
