import { z } from 'zod';

/**
 * Washout as a table per drug class, each with its own minimum and the event it is measured to
 * (clinical-domain 1.3 and conflict 6): a single "stopped > 1 week" number cannot express EBMT's classes.
 */
export const washoutClassSchema = z.strictObject({
  drugClass: z.string().regex(/^[A-Z][A-Z0-9_]{1,47}$/),
  label: z.string().min(1),
  /** Minimum days between the last dose and the reference event; 0 = no washout needed. */
  minimumDays: z.number().int().min(0),
  note: z.string().optional(),
});

export const washoutSchema = z.strictObject({
  referenceEvent: z.enum(['LYMPHODEPLETION_START', 'INFUSION', 'ENROLMENT']),
  classes: z.array(washoutClassSchema).min(1),
});

export type Washout = z.infer<typeof washoutSchema>;
export type WashoutClass = z.infer<typeof washoutClassSchema>;
