import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Efficacy over time, one row per participant, timepoint and instrument: the baseline value recorded at
 * screening, then at each scheduled visit whether the instrument the protocol schedules there was done, not
 * done, or missed with the visit. A score recorded at a visit (`EfficacyAssessed`) makes the row `RECORDED`
 * with its value, change from baseline and response.
 */
@Entity({ name: 'rm_efficacy_results' })
export class EfficacyResultRow {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  /** `BASELINE`, or the visit id (`D28`, `M3`, …). */
  @PrimaryColumn({ name: 'timepoint', type: 'text' })
  timepoint!: string;

  @PrimaryColumn({ name: 'instrument', type: 'text' })
  instrument!: string;

  @Column({ name: 'participant_code', type: 'text' })
  participantCode!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'cohort_id', type: 'text' })
  cohortId!: string;

  @Column({ name: 'site_id', type: 'text' })
  siteId!: string;

  @Column({ name: 'timepoint_label', type: 'text' })
  timepointLabel!: string;

  /** The protocol's nominal study day of the timepoint (null at baseline). */
  @Column({ name: 'nominal_day', type: 'integer', nullable: true })
  nominalDay!: number | null;

  /** Actual study day under the protocol's convention (null while the infusion date is unknown). */
  @Column({ name: 'study_day', type: 'integer', nullable: true })
  studyDay!: number | null;

  @Column({ name: 'assessed_on', type: 'date', nullable: true })
  assessedOn!: string | null;

  /** `RECORDED` (a value), `DONE`, `NOT_DONE` (scheduled, not in the visit's assessments) or `MISSED` (visit missed). */
  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'value_number', type: 'double precision', nullable: true })
  valueNumber!: number | null;

  @Column({ name: 'value_text', type: 'text', nullable: true })
  valueText!: string | null;

  @Column({ name: 'unit', type: 'text', nullable: true })
  unit!: string | null;

  @Column({ name: 'source', type: 'text', nullable: true })
  source!: string | null;

  /** The entry that recorded the score at a visit (what a void names); null at baseline and without a score. */
  @Column({ name: 'entry_id', type: 'text', nullable: true })
  entryId!: string | null;

  @Column({ name: 'change_from_baseline', type: 'double precision', nullable: true })
  changeFromBaseline!: number | null;

  /** Null when the baseline is 0 (no percentage is defined) or there is no baseline. */
  @Column({ name: 'percent_change_from_baseline', type: 'double precision', nullable: true })
  percentChangeFromBaseline!: number | null;

  /** `RESPONSE`, `NO_RESPONSE` or `NOT_EVALUABLE` under `responseDefinition`; null when the instrument has none. */
  @Column({ name: 'response', type: 'text', nullable: true })
  response!: string | null;

  @Column({ name: 'response_definition', type: 'text', nullable: true })
  responseDefinition!: string | null;

  /** `calculator@version` of the rule that decided the response. */
  @Column({ name: 'response_algorithm', type: 'text', nullable: true })
  responseAlgorithm!: string | null;

  @Column({ name: 'in_window', type: 'boolean', nullable: true })
  inWindow!: boolean | null;

  @Column({ name: 'last_stream_version', type: 'integer' })
  lastStreamVersion!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
