import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The participants roster row. `lastStreamVersion` lets a reader wait until its own write is visible. */
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
}
