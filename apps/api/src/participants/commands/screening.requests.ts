import { z } from 'zod';
import { commandEndpoint } from './command-endpoint.js';
import { booleanField, codeField, commandBody, dateField, expected, passwordField, reasonField, signatureMeaningField, textField } from './command-fields.js';

const SIGNER_ROLES = ['PARTICIPANT', 'GUARDIAN', 'WITNESS', 'INVESTIGATOR'] as const;

export const signConsent = commandEndpoint({
  type: 'SignConsent',
  path: 'consent',
  summary: 'Record the signed informed consent',
  description: 'The ICF version signed, who signed it and when. Required before any study procedure (ICH E6 4.8.8); a minor also needs a guardian and their own assent.',
  body: commandBody('SignConsentRequest', 'The signed informed consent form.', {
    icfVersion: codeField('Version of the informed consent form signed; must be approved by ethics on the signing date.', 32),
    signedOn: dateField('Date the form was signed at the site.'),
    signers: z
      .array(
        z.strictObject({
          role: z.enum(SIGNER_ROLES, { error: expected(`one of ${SIGNER_ROLES.join(', ')}`) }).describe('Who signed.'),
          name: textField('Name of the signer as written on the form (kept in the encrypted record, never in ids).', 200),
        }),
        { error: expected('a list of signers') },
      )
      .min(1, 'must list at least one signer')
      .max(10, 'must list at most 10 signers')
      .describe('Everyone who signed the form.'),
    assent: booleanField("The participant's own assent (for a minor)."),
    obtainedBy: codeField('User id of the person who obtained consent.', 64),
  }),
  toData: (b) => ({ icfVersion: b.icfVersion, signedOn: b.signedOn, signers: b.signers, assent: b.assent, obtainedBy: b.obtainedBy }),
});

export const recordScreeningObservation = commandEndpoint({
  type: 'RecordScreeningObservation',
  path: 'screening/observations',
  summary: 'Record a screening observation',
  description: 'A lab value or assessment used by the eligibility criteria, with its unit and source. Raw values only: the journey evaluates the criteria.',
  body: commandBody('RecordScreeningObservationRequest', 'One screening observation.', {
    code: codeField("The protocol's code of what was measured, e.g. SLEDAI_2K or EGFR."),
    value: z.union([z.number(), z.string().max(200), z.boolean()], { error: expected('a number, text or true/false') }).describe('The observed value.'),
    unit: codeField('Unit of a numeric value, as the protocol states it (e.g. mL/min/1.73m²).', 32).optional(),
    observedOn: dateField('Date the sample was taken or the assessment made.'),
    source: textField('Where the value comes from: local lab, central lab, source document, device.', 100),
  }),
  toData: (b) => ({ code: b.code, value: b.value, ...(b.unit === undefined ? {} : { unit: b.unit }), observedOn: b.observedOn, source: b.source }),
});

export const attestEligibilityCriterion = commandEndpoint({
  type: 'AttestEligibilityCriterion',
  path: 'screening/attestations',
  summary: 'Attest an eligibility criterion (investigator)',
  description: 'An investigator attests a criterion that is a clinical judgement rather than a measured value.',
  body: commandBody('AttestEligibilityCriterionRequest', "An investigator's attestation of one criterion.", {
    criterionCode: codeField("Code of the cohort's attestation criterion."),
    attested: booleanField('Whether the criterion is met.'),
    note: textField('Optional note for the record.', 2000).optional(),
  }),
  toData: (b) => ({ criterionCode: b.criterionCode, attested: b.attested, ...(b.note === undefined ? {} : { note: b.note }) }),
});

export const evaluateEligibility = commandEndpoint({
  type: 'EvaluateEligibility',
  path: 'screening/evaluation',
  summary: 'Evaluate eligibility',
  description: "Evaluates every criterion of the cohort against the recorded observations and attestations; the result's hash is what an investigator signs.",
  body: commandBody('EvaluateEligibilityRequest', 'Evaluate eligibility now: no other input.', {}),
  toData: () => ({}),
});

export const signEligibility = commandEndpoint({
  type: 'SignEligibility',
  path: 'screening/signature',
  summary: 'Sign eligibility (investigator e-signature)',
  description: 'The investigator signs the evaluation they were shown, identified by its hash: a record changed since it was displayed cannot be signed (409).',
  eSignature: true,
  body: commandBody('SignEligibilityRequest', "An investigator's electronic signature of the eligibility evaluation.", {
    meaning: signatureMeaningField,
    recordHash: z
      .string({ error: expected('text') })
      .regex(/^[0-9a-f]{64}$/, 'must be the 64-character hex SHA-256 of the evaluation that was displayed')
      .describe('The recordHash of the evaluation displayed to the signer.'),
    password: passwordField,
  }),
  toData: (b) => ({ meaning: b.meaning, recordHash: b.recordHash, reauthenticated: true }),
});

export const failScreening = commandEndpoint({
  type: 'FailScreening',
  path: 'screening/failure',
  summary: 'Record a screen failure',
  description: 'Ends the screening episode as failed; the unmet criteria of the last evaluation are recorded with it.',
  body: commandBody('FailScreeningRequest', 'A screen failure and its reason.', {
    reason: reasonField('Why the participant failed screening.'),
  }),
  toData: (b) => ({ reason: b.reason }),
});

export const startRescreening = commandEndpoint({
  type: 'StartRescreening',
  path: 'screening/rescreening',
  summary: 'Start re-screening',
  description: 'Opens a new screening episode after a screen failure, within the number of re-screenings the protocol allows.',
  body: commandBody('StartRescreeningRequest', 'Start a new screening episode.', {
    reason: reasonField('Why the participant is re-screened.'),
  }),
  toData: (b) => ({ reason: b.reason }),
});
