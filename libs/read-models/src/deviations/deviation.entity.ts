import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The protocol deviations log: each candidate raised by the rules, and who confirmed or dismissed it, when and why. */
@Entity({ name: 'rm_deviations' })
export class DeviationRow {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  /** Stable per rule and subject (e.g. `visit-out-of-window:M3`). */
  @PrimaryColumn({ name: 'deviation_id', type: 'text' })
  deviationId!: string;

  @Column({ name: 'participant_code', type: 'text' })
  participantCode!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'cohort_id', type: 'text' })
  cohortId!: string;

  @Column({ name: 'site_id', type: 'text' })
  siteId!: string;

  @Column({ name: 'rule', type: 'text' })
  rule!: string;

  @Column({ name: 'important', type: 'boolean' })
  important!: boolean;

  @Column({ name: 'description', type: 'text' })
  description!: string;

  @Column({ name: 'related_entry_ids', type: 'text', array: true })
  relatedEntryIds!: string[];

  /** `CANDIDATE`, `CONFIRMED` or `DISMISSED`. */
  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'raised_at_version', type: 'integer' })
  raisedAtVersion!: number;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_by_role', type: 'text', nullable: true })
  decidedByRole!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'last_stream_version', type: 'integer' })
  lastStreamVersion!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
