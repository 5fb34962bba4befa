import { toIso } from '../../shared/time.js';
import type { RegisterParticipant, SignConsent } from '../commands.js';
import { checkRegistration } from '../registration-rules.js';
import type { ParticipantState } from '../state.js';
import { consented, error, firstFailure, notEnded, notInFuture, registered, requireContext, validDate } from './guards.js';
import { accepted, rejected, type ParticipantDecision } from './outcome.js';

export function register(state: ParticipantState, command: RegisterParticipant, now: Date): ParticipantDecision {
  if (state.phase !== 'UNREGISTERED') {
    return rejected(error('PARTICIPANT_ALREADY_REGISTERED', `Participant code '${state.participantCode}' is already registered.`, 'participantCode'));
  }
  const checked = checkRegistration(command.data);
  if (!checked.ok) return rejected(checked.error);
  const { ageYears } = command.data;
  if (ageYears !== undefined && (!Number.isInteger(ageYears) || ageYears < 0 || ageYears > 120)) {
    return rejected(error('INVALID_AGE', 'Age must be a whole number of years between 0 and 120.', 'ageYears'));
  }
  return accepted({ type: 'ParticipantRegistered', schemaVersion: 1, occurredAt: toIso(now), data: { ...command.data, protocolVersion: checked.protocol.protocolVersion } });
}

export function signConsent(state: ParticipantState, command: SignConsent, now: Date): ParticipantDecision {
  const { icfVersion, signedOn, signers, assent } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => (state.consent && state.phase !== 'SCREEN_FAILED' ? error('CONSENT_ALREADY_SIGNED', `Consent (ICF ${state.consent.icfVersion}) is already signed; re-consent after an amendment is a new ICF version.`) : undefined),
    () => validDate(signedOn, 'signedOn'),
    () => notInFuture(signedOn, now, 'signedOn', state),
  );
  if (failure) return rejected(failure);
  const { protocol } = requireContext(state);
  const approved = protocol.consent.icfVersions.find((v) => v.version === icfVersion);
  if (!approved) return rejected(error('ICF_VERSION_UNKNOWN', `ICF version '${icfVersion}' is not a version of this protocol.`, 'icfVersion'));
  if (signedOn < approved.approvedFrom || (approved.approvedUntil !== undefined && signedOn > approved.approvedUntil)) {
    return rejected(error('ICF_VERSION_NOT_APPROVED', `ICF version '${icfVersion}' was not approved by ethics on ${signedOn}.`, 'icfVersion'));
  }
  const minor = state.ageYears !== undefined && state.ageYears < protocol.consent.adultAgeYears;
  const roles = new Set(signers.map((s) => s.role));
  if (minor && (!roles.has('GUARDIAN') || !assent)) {
    return rejected(error('GUARDIAN_CONSENT_REQUIRED', 'A minor needs a parent or guardian signature and their own assent.', 'signers'));
  }
  if (!minor && !roles.has('PARTICIPANT')) return rejected(error('PARTICIPANT_SIGNATURE_REQUIRED', 'The participant must sign the consent form.', 'signers'));
  return accepted({ type: 'ConsentSigned', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, ...command.data } });
}

export { consented };
