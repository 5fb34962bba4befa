import type { IsoInstant } from '../../shared/time.js';

export type DeadlineKind =
  | 'SCREENING_WINDOW_CLOSES'
  | 'WASHOUT_SATISFIED'
  | 'VISIT_REMINDER'
  | 'VISIT_WINDOW_CLOSES'
  | 'DLT_WINDOW_CLOSES'
  | 'AE_COLLECTION_ENDS'
  | 'SAE_REPORT_DUE'
  | 'THAW_LIMIT'
  | 'INFUSION_DELAY_LIMIT';

export interface Deadline {
  /** Stable for the same obligation (e.g. `visit:M3:closes`): a re-plan after an unrelated event keeps it. */
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly dueAt: IsoInstant;
  /** Time of the recorded fact this deadline follows from (infusion, consent, SAE awareness, thaw…). */
  readonly causedAt: IsoInstant;
  readonly visitId?: string;
  readonly aeId?: string;
  /** For reminders: `escalation` when the window is about to close with the visit still not done. */
  readonly escalation?: boolean;
  readonly label: string;
}
