import type { DomainError } from '../../shared/domain-error.js';
import { isIsoDate, isIsoInstant } from '../../shared/time.js';
import { contextOf, type ParticipantContext } from '../rules/protocol-of.js';
import { localDateOf } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';

/**
 * Guards shared by the command handlers. Each returns a DomainError (stable code, a message a coordinator
 * understands, the field at fault) or undefined when the rule holds.
 */
export type Check = DomainError | undefined;

export const error = (code: string, message: string, field?: string): DomainError => (field === undefined ? { code, message } : { code, message, field });

export const firstFailure = (...checks: (() => Check)[]): Check => {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return undefined;
};

export const registered = (state: ParticipantState): Check =>
  state.phase === 'UNREGISTERED' ? error('NOT_REGISTERED', 'The participant is not registered.') : undefined;

/** Nothing clinical after the journey ended, except the safety follow-up the participant agreed to. */
export const notEnded = (state: ParticipantState, safetyFollowUp = false): Check => {
  if (state.phase !== 'ENDED') return undefined;
  if (safetyFollowUp && state.endReason === 'WITHDRAWN' && state.safetyFollowUpOnly) return undefined;
  return error('JOURNEY_ENDED', `The participant's journey has ended (${(state.endReason ?? '').toLowerCase().replaceAll('_', ' ')}); only follow-up allowed by the protocol can be recorded.`);
};

export const consented = (state: ParticipantState): Check =>
  state.consent ? undefined : error('CONSENT_REQUIRED', 'Informed consent must be signed before any study procedure (ICH E6 4.8.8).');

export const inPhase = (state: ParticipantState, phases: readonly ParticipantState['phase'][], code: string, message: string): Check =>
  phases.includes(state.phase) ? undefined : error(code, message);

export const reasonGiven = (reason: string | undefined, field = 'reason'): Check =>
  reason !== undefined && reason.trim().length >= 3 ? undefined : error('REASON_REQUIRED', 'A reason is required for this change to the record.', field);

export const validDate = (value: string, field: string): Check => (isIsoDate(value) ? undefined : error('INVALID_DATE', `${field} must be a calendar date (YYYY-MM-DD).`, field));

export const validInstant = (value: string, field: string): Check => (isIsoInstant(value) ? undefined : error('INVALID_INSTANT', `${field} must be an ISO 8601 date-time.`, field));

/**
 * Clinical facts cannot be recorded as happening in the future. A calendar date is compared with the site's
 * local date now (a date that is tomorrow at the site is refused, whatever the UTC date); without a known site
 * (before registration) with its start in UTC plus a day of grace. An instant must not be after `now`.
 */
export const notInFuture = (value: string, now: Date, field: string, state?: ParticipantState): Check => {
  const isDate = value.length === 10;
  const site = state ? contextOf(state)?.site : undefined;
  if (isDate && site) return value > localDateOf(now.toISOString(), site.utcOffsetMinutes) ? error('DATE_IN_FUTURE', `${field} is in the future.`, field) : undefined;
  const limit = isDate ? now.getTime() + 24 * 3_600_000 : now.getTime();
  return Date.parse(isDate ? `${value}T00:00:00Z` : value) > limit ? error('DATE_IN_FUTURE', `${field} is in the future.`, field) : undefined;
};

export const investigator = (state: ParticipantState, role: string): Check =>
  role === 'investigator' ? undefined : error('INVESTIGATOR_REQUIRED', 'Only an investigator can sign this decision.');

export const reauthenticated = (flag: boolean): Check =>
  flag ? undefined : error('REAUTHENTICATION_REQUIRED', 'An electronic signature requires re-entering the password (21 CFR 11.200).');

/** The participant's protocol, cohort and site; absent only for an unregistered participant. */
export function requireContext(state: ParticipantState): ParticipantContext {
  const context = contextOf(state);
  if (!context) throw new Error(`No protocol ${state.trialId}@${state.protocolVersion} with cohort ${state.cohortId} and site ${state.siteId}`);
  return context;
}

/** Normalises an instant to UTC ISO form, so string comparison orders instants. */
export const utc = (instant: string): string => new Date(Date.parse(instant)).toISOString();
