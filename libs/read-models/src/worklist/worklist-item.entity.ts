import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One open obligation of a participant on the coordinators' worklist: a visit still to be done (with its
 * window and the reminders sent for it) or another planned deadline (SAE report, DLT window close, screening
 * window, washout, thaw limit, latest infusion). Whether an item is due today, overdue or closing soon depends
 * on today's date, so it is decided when read (worklist.query.ts), never stored.
 */
@Entity({ name: 'rm_worklist_items' })
export class WorklistItemRow {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  /** `visit:<visitId>` for a visit, else the planner's deadline id (e.g. `sae-report:<aeId>`). */
  @PrimaryColumn({ name: 'item_id', type: 'text' })
  itemId!: string;

  @Column({ name: 'participant_code', type: 'text' })
  participantCode!: string;

  @Column({ name: 'trial_id', type: 'text' })
  trialId!: string;

  @Column({ name: 'cohort_id', type: 'text' })
  cohortId!: string;

  @Column({ name: 'site_id', type: 'text' })
  siteId!: string;

  /** `VISIT`, or the planner's deadline kind. */
  @Column({ name: 'kind', type: 'text' })
  kind!: string;

  @Column({ name: 'label', type: 'text' })
  label!: string;

  @Column({ name: 'visit_id', type: 'text', nullable: true })
  visitId!: string | null;

  /** Site-local date the item is due: a visit's target day, otherwise the deadline's local date. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  /** Instant after which it is late: the end of a visit's window, otherwise the deadline itself. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'window_opens', type: 'date', nullable: true })
  windowOpens!: string | null;

  @Column({ name: 'window_closes', type: 'date', nullable: true })
  windowCloses!: string | null;

  @Column({ name: 'reminders_sent', type: 'integer', default: 0 })
  remindersSent!: number;

  @Column({ name: 'reminders_failed', type: 'integer', default: 0 })
  remindersFailed!: number;

  @Column({ name: 'last_reminder_id', type: 'text', nullable: true })
  lastReminderId!: string | null;

  @Column({ name: 'last_reminder_at', type: 'timestamptz', nullable: true })
  lastReminderAt!: Date | null;

  /** The escalation reminder (window about to close, visit not done) went out. */
  @Column({ name: 'escalated', type: 'boolean', default: false })
  escalated!: boolean;

  @Column({ name: 'site_utc_offset_minutes', type: 'integer' })
  siteUtcOffsetMinutes!: number;

  @Column({ name: 'last_stream_version', type: 'integer' })
  lastStreamVersion!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
