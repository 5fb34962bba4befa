import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One safety fact of a participant for the AE/CRS/ICANS and DLT board: an adverse event, a CRS or ICANS
 * assessment (grade derived and versioned by the domain), or a DLT candidate with its adjudication. Corrected
 * values and voided entries are as the domain's fold leaves them: the board shows the record as it stands.
 */
@Entity({ name: 'rm_safety_entries' })
export class SafetyEntryRow {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  /** `AE`, `CRS`, `ICANS` or `DLT_CANDIDATE`. */
  @PrimaryColumn({ name: 'kind', type: 'text' })
  kind!: string;

  /** The AE's or assessment's entry id, or the DLT candidate id. */
  @PrimaryColumn({ name: 'entry_id', type: 'text' })
  entryId!: string;

  @Column({ name: 'participant_code', type: 'text' })
  participantCode!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'cohort_id', type: 'text' })
  cohortId!: string;

  @Column({ name: 'site_id', type: 'text' })
  siteId!: string;

  @Column({ name: 'dose_level_id', type: 'text', nullable: true })
  doseLevelId!: string | null;


  /** AE term, `CRS`/`ICANS`, or the DLT rule that flagged the candidate. */
  @Column({ name: 'term', type: 'text' })
  term!: string;

  @Column({ name: 'grade', type: 'integer', nullable: true })
  grade!: number | null;

  @Column({ name: 'serious', type: 'boolean', nullable: true })
  serious!: boolean | null;

  @Column({ name: 'causality', type: 'text', nullable: true })
  causality!: string | null;

  @Column({ name: 'onset_on', type: 'date', nullable: true })
  onsetOn!: string | null;

  /** Study day of onset under the protocol's convention (null before the infusion date is known). */
  @Column({ name: 'study_day', type: 'integer', nullable: true })
  studyDay!: number | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn!: string | null;

  @Column({ name: 'sae_reported_at', type: 'timestamptz', nullable: true })
  saeReportedAt!: Date | null;

  /** For a serious AE not yet reported: when the sponsor report falls due (protocol's reporting clock). */
  @Column({ name: 'sae_report_due_at', type: 'timestamptz', nullable: true })
  saeReportDueAt!: Date | null;

  /** For DLT candidates: `PENDING`, `DLT` or `NOT_DLT`. */
  @Column({ name: 'dlt_status', type: 'text', nullable: true })
  dltStatus!: string | null;

  @Column({ name: 'source_entry_id', type: 'text', nullable: true })
  sourceEntryId!: string | null;

  @Column({ name: 'last_stream_version', type: 'integer' })
  lastStreamVersion!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
