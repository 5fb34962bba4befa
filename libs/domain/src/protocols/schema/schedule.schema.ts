import { z } from 'zod';

/**
 * A scheduled visit, in the shape of CDISC USDM Timing (clinical-domain 5.5): a nominal day relative to an
 * anchor, with a window before and after. Windows are computed from the actual anchor (the actual infusion
 * day, or the previous visit's actual date), never from a planned date (clinical-domain 1.9).
 */
export const visitSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/),
  label: z.string().min(1),
  /** Study day under the protocol's day-numbering convention, relative to the anchor. */
  nominalDay: z.number().int(),
  windowBeforeDays: z.number().int().min(0),
  windowAfterDays: z.number().int().min(0),
  anchor: z.enum(['INFUSION', 'PREVIOUS_VISIT']),
  /** Instruments due at the visit, per cohort id; `*` applies to every cohort. */
  instruments: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** The visit that closes the DLT window: missing it is an important deviation (clinical-domain 4.7). */
  closesDltWindow: z.boolean().default(false),
});

export const remindersSchema = z.strictObject({
  /** Days before the visit's target day on which a reminder is due. */
  beforeTargetDays: z.array(z.number().int().min(1)).default([]),
  /** Remind when the window opens and on the target day. */
  atWindowOpen: z.boolean().default(true),
  atTarget: z.boolean().default(true),
  /** Escalate this many days before the window closes if the visit is still not done. */
  escalateDaysBeforeClose: z.number().int().min(0).optional(),
  /** Local time of day at which reminders are sent (the site's time zone). */
  sendAtLocalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('08:00'),
});

export type Visit = z.infer<typeof visitSchema>;
export type Reminders = z.infer<typeof remindersSchema>;
