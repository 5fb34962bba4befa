import { ctcaeGrade } from '../../calculators/toxicity/ctcae/ctcae-grade.js';
import { crsGrade } from '../../calculators/toxicity/crs/crs-grade.js';
import { icansGrade } from '../../calculators/toxicity/icans/icans-grade.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import type { DomainError } from '../../shared/domain-error.js';
import { sha256Hex } from '../../shared/sha256.js';
import { hoursBetween, toIso } from '../../shared/time.js';
import type { AdjudicateDlt, AssessCrs, AssessIcans, FlagDltCandidate, ReportAdverseEvent, ReportSaeToSponsor } from '../commands.js';
import type { ParticipantEvent } from '../events.js';
import type { ParticipantState } from '../state.js';
import { dltCandidatesAfter } from './dlt-screening.js';
import { consented, error, firstFailure, investigator, notEnded, notInFuture, reauthenticated, registered, requireContext, utc, validDate, validInstant } from './guards.js';
import { accepted, deviationCandidate, rejected, type ParticipantDecision } from './outcome.js';

const GRADES = [1, 2, 3, 4, 5] as const;

/** CTCAE v5.0 term-specific scales (e.g. no grade 5 for "Neutrophil count decreased"). */
function ctcaeCheck(term: string, grade: number): DomainError | undefined {
  const checked = ctcaeGrade({ term, grade });
  return checked.ok ? undefined : error('INVALID_GRADE', checked.errors.map((e) => e.message).join('; '), 'grade');
}
const CAUSALITY = ['UNRELATED', 'UNLIKELY', 'POSSIBLE', 'PROBABLE', 'DEFINITE'] as const;

export function reportAdverseEvent(state: ParticipantState, command: ReportAdverseEvent, now: Date): ParticipantDecision {
  const { term, grade, causality, onsetOn, awareAt, serious, resolvedOn, haematological } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state, true),
    () => consented(state),
    () => (term.trim() === '' ? error('INVALID_AE', 'The CTCAE term is required.', 'term') : undefined),
    () => (!GRADES.includes(grade) ? error('INVALID_GRADE', 'CTCAE grade must be 1 to 5.', 'grade') : undefined),
    () => ctcaeCheck(term, grade),
    () => (!CAUSALITY.includes(causality) ? error('INVALID_CAUSALITY', `Causality must be one of ${CAUSALITY.join(', ')}.`, 'causality') : undefined),
    () => validDate(onsetOn, 'onsetOn'),
    () => notInFuture(onsetOn, now, 'onsetOn', state),
    () => (resolvedOn !== undefined ? validDate(resolvedOn, 'resolvedOn') : undefined),
    () => (resolvedOn !== undefined && resolvedOn < onsetOn ? error('INVALID_AE', 'An AE cannot resolve before its onset.', 'resolvedOn') : undefined),
    () => validInstant(awareAt, 'awareAt'),
    () => notInFuture(awareAt, now, 'awareAt', state),
    () => (state.aeCollectionEnded && !serious ? error('AE_COLLECTION_ENDED', 'Full AE collection has ended: only serious AEs and AEs of special interest are collected now.', 'serious') : undefined),
  );
  if (failure) return rejected(failure);
  const aeId = command.data.aeId ?? command.commandId;
  if (state.adverseEvents.some((ae) => ae.aeId === aeId)) return rejected(error('AE_ALREADY_REPORTED', `AE ${aeId} is already reported; correct it to change its grade or outcome.`, 'aeId'));
  const context = requireContext(state);
  const reported: ParticipantEvent = {
    type: 'AdverseEventReported',
    schemaVersion: 1,
    occurredAt: toIso(now),
    data: {
      entryId: command.commandId,
      aeId,
      term,
      grade,
      serious,
      causality,
      onsetOn,
      awareAt: utc(awareAt),
      ...(resolvedOn === undefined ? {} : { resolvedOn }),
      ...(haematological === undefined ? {} : { haematological }),
    },
  };
  return accepted(reported, ...dltCandidatesAfter(context, state, reported, now));
}

export function reportSaeToSponsor(state: ParticipantState, command: ReportSaeToSponsor, now: Date): ParticipantDecision {
  const ae = state.adverseEvents.find((a) => a.aeId === command.data.aeId);
  const failure = firstFailure(
    () => registered(state),
    () => (!ae ? error('AE_NOT_FOUND', `No adverse event ${command.data.aeId}.`, 'aeId') : undefined),
    () => (ae && !ae.serious ? error('NOT_SERIOUS', 'Only serious adverse events are reported to the sponsor on the SAE clock.', 'aeId') : undefined),
    () => (ae?.reportedToSponsorAt ? error('ALREADY_REPORTED', 'This SAE was already reported to the sponsor.', 'aeId') : undefined),
    () => validInstant(command.data.reportedAt, 'reportedAt'),
    () => notInFuture(command.data.reportedAt, now, 'reportedAt', state),
  );
  if (failure || !ae) return rejected(failure ?? error('AE_NOT_FOUND', 'No such adverse event.', 'aeId'));
  const { protocol } = requireContext(state);
  const reportedAt = utc(command.data.reportedAt);
  const hours = Math.round(hoursBetween(ae.awareAt, reportedAt) * 10) / 10;
  const events: ParticipantEvent[] = [{ type: 'SaeReportedToSponsor', schemaVersion: 1, occurredAt: reportedAt, data: { aeId: ae.aeId, reportedAt, hoursAfterAwareness: hours } }];
  if (hours > protocol.safetyReporting.saeReportHours) {
    events.push(...deviationCandidate(state, now, { deviationId: `sae-reported-late:${ae.aeId}`, rule: 'SAE_REPORTED_LATE', important: true, description: `SAE '${ae.term}' reported ${hours} h after awareness (limit ${protocol.safetyReporting.saeReportHours} h).`, relatedEntryIds: [ae.entryId] }));
  }
  return accepted(...events);
}

function assessToxicity(state: ParticipantState, command: AssessCrs | AssessIcans, now: Date, kind: 'CRS' | 'ICANS'): ParticipantDecision {
  const { assessedAt } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state, true),
    () => (!state.infusion ? error('NOT_INFUSED', `${kind} is assessed after the CAR-T infusion.`) : undefined),
    () => validInstant(assessedAt, 'assessedAt'),
    () => notInFuture(assessedAt, now, 'assessedAt', state),
    () => (kind === 'ICANS' && state.ageYears === undefined ? error('AGE_REQUIRED', 'ICANS grading needs the participant’s age (CAPD at 12 years or younger).', 'ageYears') : undefined),
  );
  if (failure) return rejected(failure);
  // The grade is derived from the raw parameters by the versioned ASTCT calculators, never typed in.
  const graded =
    command.type === 'AssessCrs' ? crsGrade(command.data.parameters) : icansGrade({ ...command.data.parameters, ageYears: state.ageYears ?? 0 });
  if (!graded.ok) {
    const first = graded.errors[0];
    return rejected(error('INVALID_ASSESSMENT', graded.errors.map((e) => e.message).join('; '), first ? `parameters.${first.field}` : 'parameters'));
  }
  const context = requireContext(state);
  const at = utc(assessedAt);
  const algorithm = `${graded.result.calculator}@${graded.result.algorithmVersion}`;
  const event: ParticipantEvent = {
    type: kind === 'CRS' ? 'CrsAssessed' : 'IcansAssessed',
    schemaVersion: 1,
    occurredAt: at,
    data: { entryId: command.commandId, assessedAt: at, parameters: { ...command.data.parameters }, grade: graded.result.value, algorithm },
  };
  return accepted(event, ...dltCandidatesAfter(context, state, event, now));
}

export const assessCrs = (state: ParticipantState, command: AssessCrs, now: Date) => assessToxicity(state, command, now, 'CRS');
export const assessIcans = (state: ParticipantState, command: AssessIcans, now: Date) => assessToxicity(state, command, now, 'ICANS');

export function flagDltCandidate(state: ParticipantState, command: FlagDltCandidate, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => (!state.infusion ? error('NOT_INFUSED', 'DLTs are observed after the infusion.') : undefined),
    () => (state.dlt.windowClosed ? error('OUTSIDE_DLT_WINDOW', 'The DLT window is closed.') : undefined),
    () => (command.data.description.trim() === '' ? error('REASON_REQUIRED', 'Describe why this may be a DLT.', 'description') : undefined),
    () => (state.dlt.candidates.some((c) => c.sourceEntryId === command.data.sourceEntryId && c.rule === command.data.rule) ? error('ALREADY_FLAGGED', 'This event is already a DLT candidate under that rule.') : undefined),
  );
  if (failure) return rejected(failure);
  const candidateId = `${command.data.rule}:${command.data.sourceEntryId}`;
  return accepted({ type: 'DltCandidateFlagged', schemaVersion: 1, occurredAt: toIso(now), data: { candidateId, ...command.data } });
}

export function adjudicateDlt(state: ParticipantState, command: AdjudicateDlt, now: Date): ParticipantDecision {
  const candidate = state.dlt.candidates.find((c) => c.candidateId === command.data.candidateId);
  const failure = firstFailure(
    () => registered(state),
    () => investigator(state, command.actor.role),
    () => reauthenticated(command.data.reauthenticated),
    () => (!candidate ? error('DLT_CANDIDATE_NOT_FOUND', `No DLT candidate ${command.data.candidateId}.`, 'candidateId') : undefined),
    () => (candidate?.adjudicated ? error('ALREADY_ADJUDICATED', 'This DLT candidate is already adjudicated.', 'candidateId') : undefined),
    () => (command.data.rationale.trim().length < 5 ? error('REASON_REQUIRED', 'Give the clinical rationale of the adjudication.', 'rationale') : undefined),
    () => (command.data.meaning.trim().length < 5 ? error('SIGNATURE_MEANING_REQUIRED', 'State what the signature means (21 CFR 11.50).', 'meaning') : undefined),
  );
  if (failure) return rejected(failure);
  const record = { candidateId: command.data.candidateId, isDlt: command.data.isDlt, rationale: command.data.rationale };
  const signature = { signer: command.actor, meaning: command.data.meaning, signedAt: toIso(now), recordHash: recordHash(record) };
  return accepted({ type: 'DltAdjudicated', schemaVersion: 1, occurredAt: toIso(now), data: { ...record, signature } });
}

const recordHash = (record: unknown) => sha256Hex(canonicalJson(record));
