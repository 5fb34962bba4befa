import { findProtocol } from '../../protocols/protocol-registry.js';
import type { Cohort, Protocol, Site } from '../../protocols/protocol.schema.js';
import type { ParticipantState } from '../state.js';

export interface ParticipantContext {
  readonly protocol: Protocol;
  readonly cohort: Cohort;
  readonly site: Site;
}

/** The protocol version the participant is followed under, with their cohort and site. */
export function contextOf(state: ParticipantState): ParticipantContext | undefined {
  if (!state.trialId) return undefined;
  const protocol = findProtocol(state.trialId, state.protocolVersion);
  const cohort = protocol?.cohorts.find((c) => c.id === state.cohortId);
  const site = protocol?.sites.find((s) => s.id === state.siteId);
  return protocol && cohort && site ? { protocol, cohort, site } : undefined;
}
