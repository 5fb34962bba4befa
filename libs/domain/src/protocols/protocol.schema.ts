import { z } from 'zod';

/**
 * A protocol version as data. Loaded through this schema so a malformed protocol fails at start-up with the
 * path of the bad field, never half-way through a participant's journey. The domain-core issue extends it
 * (eligibility, washout, lymphodepletion, visit schedule); keep every clinical number here, not in code.
 */
export const cohortSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'cohort id: upper-case code such as SLE or PSS_PAH'),
  disease: z.string().min(1),
  label: z.string().min(1),
});

export const siteSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'site id: upper-case code such as CN-BJ-01'),
  name: z.string().min(1),
  /** IANA zone: visit reminders are sent in the site's local time. */
  timeZone: z.string().min(1),
});

export const protocolSchema = z.strictObject({
  trialId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
  protocolVersion: z.string().min(1),
  title: z.string().min(1),
  registry: z.string().optional(),
  cohorts: z.array(cohortSchema).min(1),
  sites: z.array(siteSchema).min(1),
  screening: z.strictObject({
    /** Days from the start of screening until the screening period closes. [typ] 28, range 14-42 (clinical-domain 1.2). */
    windowDays: z.number().int().min(1).max(120),
  }),
});

export type Protocol = z.infer<typeof protocolSchema>;
export type Cohort = z.infer<typeof cohortSchema>;
export type Site = z.infer<typeof siteSchema>;

export class ProtocolValidationError extends Error {
  constructor(
    readonly trialId: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`Protocol ${trialId} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ProtocolValidationError';
  }
}

export function loadProtocol(raw: unknown): Protocol {
  const parsed = protocolSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const trialId = typeof raw === 'object' && raw !== null && 'trialId' in raw ? String(raw.trialId) : '(unknown)';
  throw new ProtocolValidationError(
    trialId,
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}
