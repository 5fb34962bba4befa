import { findProtocol } from '../protocols/protocol-registry.js';
import type { Protocol } from '../protocols/protocol.schema.js';
import type { DomainError } from '../shared/domain-error.js';

/**
 * The stateless registration rules: they depend only on the protocol, so the API checks them before it
 * starts a workflow (no journey is created for a request that cannot succeed) and the decider checks them
 * again, because the workflow is the authority.
 */
export function checkRegistration(input: {
  readonly trialId: string;
  readonly cohortId: string;
  readonly siteId: string;
}): { readonly ok: true; readonly protocol: Protocol } | { readonly ok: false; readonly error: DomainError } {
  const protocol = findProtocol(input.trialId);
  if (!protocol) {
    return { ok: false, error: { code: 'TRIAL_NOT_FOUND', message: `No trial with id '${input.trialId}'.`, field: 'trialId' } };
  }
  if (!protocol.cohorts.some((c) => c.id === input.cohortId)) {
    const known = protocol.cohorts.map((c) => c.id).join(', ');
    return {
      ok: false,
      error: { code: 'COHORT_NOT_IN_TRIAL', message: `Cohort '${input.cohortId}' is not a cohort of trial '${protocol.trialId}' (${known}).`, field: 'cohortId' },
    };
  }
  if (!protocol.sites.some((s) => s.id === input.siteId)) {
    return {
      ok: false,
      error: { code: 'SITE_NOT_IN_TRIAL', message: `Site '${input.siteId}' is not an activated site of trial '${protocol.trialId}'.`, field: 'siteId' },
    };
  }
  return { ok: true, protocol };
}
