import type { EligibilityCriterion } from '../schema/eligibility.schema.js';

// Terse constructors for protocol data: the seeds read as tables of criteria rather than nested objects.

type Kind = 'inclusion' | 'exclusion';
type Simple = Extract<EligibilityCriterion, { rule: 'observation' | 'attestation' }>;

export const measured = (
  id: string,
  text: string,
  code: string,
  comparator: '>=' | '>' | '<=' | '<' | '=' | '!=',
  threshold: number | string | boolean,
  unit?: string,
  withinDaysBefore?: number,
  kind: Kind = 'inclusion',
): Simple => ({
  id,
  version: 1,
  kind,
  text,
  rule: 'observation',
  code,
  comparator,
  threshold,
  ...(unit === undefined ? {} : { unit }),
  ...(withinDaysBefore === undefined ? {} : { withinDaysBefore }),
});

export const attested = (id: string, text: string, kind: Kind = 'inclusion'): Simple => ({
  id,
  version: 1,
  kind,
  text,
  rule: 'attestation',
  code: id.toUpperCase().replaceAll('-', '_'),
});

export const anyOf = (id: string, text: string, criteria: Simple[]): EligibilityCriterion => ({
  id,
  version: 1,
  kind: 'inclusion',
  text,
  rule: 'anyOf',
  criteria,
});
