import { z } from 'zod';
import { eSignatureFieldsSchema } from '../../auth/e-signatures.js';

/** The message of a missing or mistyped field: "is required" when absent, otherwise what was expected. */
export const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`);

/**
 * Field schemas shared by the command request bodies. Each carries the message a client sees in a 400's
 * `errors` list and the description the OpenAPI document shows, so both come from this one place.
 */
export const commandIdField = z
  .uuid({ error: expected('a UUID') })
  .describe('Client-generated idempotency key (UUID). Resending the same commandId returns the first answer and records nothing new.');

export const dateField = (description: string) => z.iso.date({ error: expected('a calendar date (YYYY-MM-DD)') }).describe(description);

/** Instants must name their offset: a local time without one would be read in the server's zone. */
export const instantField = (description: string) =>
  z.iso.datetime({ offset: true, error: expected('an ISO 8601 date-time with a UTC offset, e.g. 2026-03-01T08:00:00Z') }).describe(description);

export const textField = (description: string, max = 200) =>
  z.string({ error: expected('text') }).max(max, `must be at most ${max} characters`).describe(description);

/** A coded identifier (criterion code, visit id, lot number): no blanks at the ends, bounded length. */
export const codeField = (description: string, max = 64) =>
  z
    .string({ error: expected('text') })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^\S(.*\S)?$/, 'must not start or end with a blank')
    .describe(description);

/** Reasons are free text for the audit trail; the journey itself refuses a missing or token reason (REASON_REQUIRED). */
export const reasonField = (description: string) => textField(description, 2000);

export const booleanField = (description: string) => z.boolean({ error: expected('true or false') }).describe(description);

export const positiveNumberField = (description: string) =>
  z.number({ error: expected('a number') }).positive('must be greater than 0').describe(description);

/** A measured value with its unit; the accepted units are the domain calculators' own. */
export const quantityField = (units: readonly [string, ...string[]], description: string) =>
  z
    .strictObject({
      value: z.number({ error: expected('a number') }).describe('The measured value.'),
      unit: z.enum(units, { error: expected(`one of ${units.join(', ')}`) }).describe('Unit of the value.'),
    })
    .describe(description);

/**
 * Investigator e-signatures (21 CFR 11.200): the password is re-entered for each signature, checked by the
 * authentication module's ESignatures and never stored, logged or sent to the journey.
 */
export const passwordField = eSignatureFieldsSchema.shape.password.meta({ format: 'password', writeOnly: true });

export const signatureMeaningField = textField('What the signature means, recorded with it (21 CFR 11.50), e.g. "I confirm the participant is eligible".', 500);

/** A strict request body: unknown fields are refused (400) and named, so a typo never goes unnoticed. */
export const commandBody = <Shape extends z.ZodRawShape>(title: string, description: string, shape: Shape) =>
  z.strictObject({ commandId: commandIdField, ...shape }).meta({ title, description });
