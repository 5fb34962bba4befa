import { z } from 'zod';

/**
 * One eligibility criterion: a separately versioned, evaluable rule, so an inspector can see exactly which
 * observation made a participant pass or fail it (clinical-domain 1.2, "software notes").
 * - `observation`: compares the most recent recorded observation of `code` with a threshold, in `unit`;
 *   `withinDaysBefore` bounds how old the observation may be at evaluation (labs within 7 days of LD etc.).
 * - `attestation`: a fact only the investigator can vouch for (diagnosis by classification criteria,
 *   refractoriness, no active CNS disease); met when attested true.
 * - `anyOf`: met when one of its parts is.
 */
const comparatorSchema = z.enum(['>=', '>', '<=', '<', '=', '!=']);

// Every criterion is phrased as a condition that must hold for the participant to be eligible, whether
// the protocol lists it among inclusions or exclusions (`kind` keeps that label): exclusion "active
// infection" becomes the condition "no active infection". No double negatives in evaluation.
const baseCriterion = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  version: z.number().int().min(1),
  kind: z.enum(['inclusion', 'exclusion']),
  text: z.string().min(1),
};

export const observationCriterionSchema = z.strictObject({
  ...baseCriterion,
  rule: z.literal('observation'),
  code: z.string().min(1),
  comparator: comparatorSchema,
  threshold: z.union([z.number(), z.string(), z.boolean()]),
  unit: z.string().min(1).optional(),
  withinDaysBefore: z.number().int().min(0).optional(),
});

export const attestationCriterionSchema = z.strictObject({
  ...baseCriterion,
  rule: z.literal('attestation'),
  code: z.string().min(1),
});

const simpleCriterionSchema = z.discriminatedUnion('rule', [observationCriterionSchema, attestationCriterionSchema]);

/** Met when any of its parts is met (e.g. trial 2's "ANA ≥1:80 and/or anti-dsDNA ≥30 IU/mL"). One level deep. */
export const anyOfCriterionSchema = z.strictObject({
  ...baseCriterion,
  rule: z.literal('anyOf'),
  criteria: z.array(simpleCriterionSchema).min(2),
});

export const eligibilityCriterionSchema = z.discriminatedUnion('rule', [observationCriterionSchema, attestationCriterionSchema, anyOfCriterionSchema]);

export type EligibilityCriterion = z.infer<typeof eligibilityCriterionSchema>;
export type SimpleCriterion = z.infer<typeof simpleCriterionSchema>;
export type ObservationCriterion = z.infer<typeof observationCriterionSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;
