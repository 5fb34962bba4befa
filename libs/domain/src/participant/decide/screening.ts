import { toIso } from '../../shared/time.js';
import type { AttestEligibilityCriterion, EvaluateEligibility, FailScreening, RecordScreeningObservation, SignEligibility, StartRescreening } from '../commands.js';
import { evaluateEligibility } from '../rules/eligibility-evaluation.js';
import { localDateOf } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';
import { consented, error, firstFailure, inPhase, investigator, notEnded, notInFuture, reasonGiven, reauthenticated, registered, requireContext, validDate } from './guards.js';
import { accepted, rejected, type ParticipantDecision } from './outcome.js';

const inScreening = (state: ParticipantState) =>
  inPhase(state, ['SCREENING'], 'NOT_IN_SCREENING', 'Screening data can only be recorded while the participant is in screening.');

export function recordObservation(state: ParticipantState, command: RecordScreeningObservation, now: Date): ParticipantDecision {
  const { code, value, observedOn, source } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => consented(state),
    () => inScreening(state),
    () => (code.trim() === '' ? error('INVALID_OBSERVATION', 'The observation needs a code.', 'code') : undefined),
    () => (typeof value === 'number' && !Number.isFinite(value) ? error('INVALID_OBSERVATION', 'The value must be a finite number.', 'value') : undefined),
    () => (source.trim() === '' ? error('INVALID_OBSERVATION', 'Say where the value comes from (lab, source document).', 'source') : undefined),
    () => validDate(observedOn, 'observedOn'),
    () => notInFuture(observedOn, now, 'observedOn', state),
  );
  if (failure) return rejected(failure);
  return accepted({ type: 'ScreeningObservationRecorded', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, episode: state.screening.episode, ...command.data } });
}

export function attestCriterion(state: ParticipantState, command: AttestEligibilityCriterion, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => consented(state),
    () => inScreening(state),
    () => investigator(state, command.actor.role),
  );
  if (failure) return rejected(failure);
  const { cohort } = requireContext(state);
  const codes = cohort.eligibility.flatMap((c) => (c.rule === 'anyOf' ? c.criteria : [c])).filter((c) => c.rule === 'attestation').map((c) => c.code);
  if (!codes.includes(command.data.criterionCode)) {
    return rejected(error('UNKNOWN_CRITERION', `'${command.data.criterionCode}' is not an attestation criterion of cohort ${cohort.id}.`, 'criterionCode'));
  }
  return accepted({ type: 'EligibilityAttested', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, episode: state.screening.episode, ...command.data } });
}

export function evaluate(state: ParticipantState, _command: EvaluateEligibility, now: Date): ParticipantDecision {
  const failure = firstFailure(() => registered(state), () => notEnded(state), () => consented(state), () => inScreening(state));
  if (failure) return rejected(failure);
  const { protocol, cohort, site } = requireContext(state);
  const evaluation = evaluateEligibility(protocol, cohort, state, localDateOf(toIso(now), site.utcOffsetMinutes));
  return accepted({
    type: 'EligibilityEvaluated',
    schemaVersion: 1,
    occurredAt: toIso(now),
    data: { episode: state.screening.episode, cohortId: cohort.id, protocolVersion: protocol.protocolVersion, ...evaluation },
  });
}

export function signEligibility(state: ParticipantState, command: SignEligibility, now: Date): ParticipantDecision {
  const evaluation = state.screening.evaluation;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inScreening(state),
    () => investigator(state, command.actor.role),
    () => reauthenticated(command.data.reauthenticated),
    () => (command.data.meaning.trim().length < 5 ? error('SIGNATURE_MEANING_REQUIRED', 'State what the signature means (21 CFR 11.50).', 'meaning') : undefined),
    () => (!evaluation ? error('ELIGIBILITY_NOT_EVALUATED', 'Evaluate eligibility before signing it.') : undefined),
    () => (evaluation && evaluation.recordHash !== command.data.recordHash ? error('RECORD_CHANGED_SINCE_DISPLAYED', 'The eligibility record changed since it was displayed: review it again before signing.', 'recordHash') : undefined),
    () => (evaluation && !evaluation.eligible ? error('NOT_ELIGIBLE', 'Not every criterion is met: record a screen failure instead of signing eligibility.') : undefined),
    () => (state.screening.signature ? error('ELIGIBILITY_ALREADY_SIGNED', 'Eligibility for this screening episode is already signed.') : undefined),
  );
  if (failure || !evaluation) return rejected(failure ?? error('ELIGIBILITY_NOT_EVALUATED', 'Evaluate eligibility before signing it.'));
  const signature = { signer: command.actor, meaning: command.data.meaning, signedAt: toIso(now), recordHash: evaluation.recordHash };
  return accepted({ type: 'EligibilitySigned', schemaVersion: 1, occurredAt: toIso(now), data: { episode: state.screening.episode, signature } });
}

export function failScreening(state: ParticipantState, command: FailScreening, now: Date): ParticipantDecision {
  const failure = firstFailure(() => registered(state), () => notEnded(state), () => inScreening(state), () => reasonGiven(command.data.reason));
  if (failure) return rejected(failure);
  const failedCriteria = (state.screening.evaluation?.results ?? []).filter((r) => r.outcome !== 'MET').map((r) => r.criterionId);
  return accepted({ type: 'ScreenFailed', schemaVersion: 1, occurredAt: toIso(now), data: { episode: state.screening.episode, reason: command.data.reason, failedCriteria } });
}

export function startRescreening(state: ParticipantState, command: StartRescreening, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inPhase(state, ['SCREEN_FAILED'], 'NOT_SCREEN_FAILED', 'Only a participant who failed screening can be re-screened.'),
    () => reasonGiven(command.data.reason),
  );
  if (failure) return rejected(failure);
  const { protocol } = requireContext(state);
  if (state.screening.failures > protocol.screening.maxRescreens) {
    return rejected(error('RESCREENING_LIMIT_REACHED', `The protocol allows ${protocol.screening.maxRescreens} re-screening(s).`));
  }
  return accepted({ type: 'RescreeningStarted', schemaVersion: 1, occurredAt: toIso(now), data: { episode: state.screening.episode + 1, reason: command.data.reason } });
}

export { notInFuture };
