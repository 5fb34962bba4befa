import type { DomainError } from '../../shared/domain-error.js';
import type { ParticipantCommand } from '../commands.js';
import type { ParticipantState } from '../state.js';
import { error } from './guards.js';

/**
 * A person acts only for participants of the sites they are bound to (site-level access control expected by
 * ICH E6(R3) 4.2 / 21 CFR 11.10(d)). Checked by the journey itself, against the participant's recorded site,
 * so no caller can bypass it. Commands without a site list are the orchestrator's own.
 */
export function siteAccess(state: ParticipantState, command: ParticipantCommand): DomainError | undefined {
  const sites = command.actor.sites;
  if (sites === undefined) return undefined;
  const siteId = command.type === 'RegisterParticipant' ? command.data.siteId : state.siteId;
  if (siteId === undefined || sites.includes(siteId)) return undefined;
  return error('SITE_NOT_ALLOWED', `You are not bound to site ${siteId}.`, command.type === 'RegisterParticipant' ? 'siteId' : undefined);
}
