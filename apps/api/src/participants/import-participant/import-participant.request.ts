import { CLIENT_COMMAND_TYPES, MAX_IMPORT_ENTRIES, type ClientCommandType } from '@trialflow/contracts';
import { z } from 'zod';
import { eSignatureFieldsSchema } from '../../auth/e-signatures.js';
import { COMMAND_ENDPOINTS, recordedBodyOf } from '../commands/command-endpoints.js';
import { codeField, expected, instantField, reasonField, textField } from '../commands/command-fields.js';
import { registerParticipantBodySchema } from '../register-participant/register-participant.request.js';

/** The registration is the import's first entry: the client sends at most one fewer. */
export const MAX_IMPORTED_ENTRIES = MAX_IMPORT_ENTRIES - 1;

const ENTRY_ROLES = ['coordinator', 'investigator'] as const;

const entryActorSchema = z
  .strictObject({
    id: codeField('User id of the person who made the entry at the source.', 64),
    name: textField('Printed name of that person (shown with their signatures, 21 CFR 11.50).', 200).min(1, 'must not be empty'),
    role: z.enum(ENTRY_ROLES, { error: expected(`one of ${ENTRY_ROLES.join(', ')}`) }).describe('Their role: investigator decisions need an investigator.'),
  })
  .describe('Who made the entry at the source: recorded as the actor of its events (the importing admin is recorded beside them).');

/** One entry per command type: the command's own HTTP request body (without a signer's password). */
const entryOf = (type: ClientCommandType) => {
  const endpoint = COMMAND_ENDPOINTS.get(type)!;
  return z
    .strictObject({
      at: instantField('When the entry was made at the source; entries go in that order, none after now.'),
      actor: entryActorSchema,
      type: z.literal(type),
      body: recordedBodyOf(endpoint).describe(
        `Exactly the body of POST /v1/participants/{participantId}/${endpoint.path}${endpoint.eSignature ? ', without `password` (the signature was made at the source; the importing admin attests it)' : ''}.`,
      ),
    })
    .meta({ title: `Imported${type}` });
};

const [first, ...rest] = CLIENT_COMMAND_TYPES.map(entryOf);

export const importEntrySchema = z.discriminatedUnion('type', [first!, ...rest], {
  error: (issue) => (issue.code === 'invalid_union' ? `must be a journey command type: one of ${CLIENT_COMMAND_TYPES.join(', ')}` : undefined),
});

const registration = registerParticipantBodySchema.shape;

export const importParticipantBodySchema = z
  .strictObject({
    importId: z.uuid({ error: expected('a UUID') }).describe('Client-generated idempotency key of the import. Resending the same importId answers the first result and records nothing new.'),
    participantCode: registration.participantCode,
    cohortId: registration.cohortId,
    siteId: registration.siteId,
    ageYears: registration.ageYears,
    sex: registration.sex,
    registeredAt: instantField('When the participant was registered at the source: the instant of the imported registration.'),
    reason: reasonField('Why the records are imported (e.g. "Migrated from the legacy EDC, study 2024-17"): recorded with every imported event.').min(1, 'is required'),
    password: eSignatureFieldsSchema.shape.password.meta({ format: 'password', writeOnly: true }).describe('The importing admin re-enters their password: they attest the imported records into the audit trail.'),
    entries: z
      .array(importEntrySchema, { error: expected('a list of entries') })
      .min(1, 'must list at least one entry')
      .max(MAX_IMPORTED_ENTRIES, `must list at most ${MAX_IMPORTED_ENTRIES} entries (split a longer history into several imports)`)
      .describe('The participant’s records after registration, in the order they were made, each as the command the site would have sent.'),
  })
  .meta({ title: 'ImportParticipantRequest', description: "Import a participant's records from a legacy EDC or paper source as one unit: all entries or none." });

export type ImportParticipantBody = z.infer<typeof importParticipantBodySchema>;
export type ImportedEntry = z.infer<typeof importEntrySchema>;
