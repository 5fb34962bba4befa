import type { Cohort, Protocol } from '../../protocols/protocol.schema.js';
import type { EligibilityCriterion, SimpleCriterion } from '../../protocols/schema/eligibility.schema.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import { sha256Hex } from '../../shared/sha256.js';
import { daysBetween, type IsoDate } from '../../shared/time.js';
import type { CriterionOutcome, CriterionResult } from '../events.js';
import type { ParticipantState } from '../state.js';

const AGE_CRITERION_VERSION = 1;

function compare(actual: number | string | boolean, comparator: string, threshold: number | string | boolean): boolean {
  switch (comparator) {
    case '>=': return typeof actual === 'number' && typeof threshold === 'number' && actual >= threshold;
    case '>': return typeof actual === 'number' && typeof threshold === 'number' && actual > threshold;
    case '<=': return typeof actual === 'number' && typeof threshold === 'number' && actual <= threshold;
    case '<': return typeof actual === 'number' && typeof threshold === 'number' && actual < threshold;
    case '=': return actual === threshold;
    case '!=': return actual !== threshold;
    default: return false;
  }
}

function evaluateSimple(criterion: SimpleCriterion, state: ParticipantState, evaluatedOn: IsoDate): CriterionResult {
  const head = { criterionId: criterion.id, criterionVersion: criterion.version };
  if (criterion.rule === 'attestation') {
    const latest = state.screening.attestations.filter((a) => a.value.criterionCode === criterion.code).at(-1);
    if (!latest) return { ...head, outcome: 'MISSING' };
    return { ...head, outcome: latest.value.attested ? 'MET' : 'NOT_MET', basedOn: { entryId: latest.entryId, value: latest.value.attested, observedOn: latest.value.on.slice(0, 10) } };
  }
  // The most recent observation by date; among the same date, the last recorded.
  const candidates = state.screening.observations.filter((o) => o.value.code === criterion.code);
  const latest = candidates.reduce<(typeof candidates)[number] | undefined>((best, o) => (!best || o.value.observedOn >= best.value.observedOn ? o : best), undefined);
  if (!latest) return { ...head, outcome: 'MISSING' };
  const basedOn = { entryId: latest.entryId, value: latest.value.value, observedOn: latest.value.observedOn, ...(latest.value.unit === undefined ? {} : { unit: latest.value.unit }) };
  let outcome: CriterionOutcome;
  if (criterion.unit !== undefined && latest.value.unit !== criterion.unit) outcome = 'UNIT_MISMATCH';
  else if (criterion.withinDaysBefore !== undefined && daysBetween(latest.value.observedOn, evaluatedOn) > criterion.withinDaysBefore) outcome = 'OUT_OF_DATE';
  else outcome = compare(latest.value.value, criterion.comparator, criterion.threshold) ? 'MET' : 'NOT_MET';
  return { ...head, outcome, basedOn };
}

function evaluateCriterion(criterion: EligibilityCriterion, state: ParticipantState, evaluatedOn: IsoDate): CriterionResult {
  if (criterion.rule !== 'anyOf') return evaluateSimple(criterion, state, evaluatedOn);
  const parts = criterion.criteria.map((c) => evaluateSimple(c, state, evaluatedOn));
  const outcome: CriterionOutcome = parts.some((p) => p.outcome === 'MET')
    ? 'MET'
    : parts.every((p) => p.outcome === 'MISSING')
      ? 'MISSING'
      : (parts.find((p) => p.outcome !== 'MISSING')?.outcome ?? 'NOT_MET');
  return { criterionId: criterion.id, criterionVersion: criterion.version, outcome, parts };
}

function evaluateAge(protocol: Protocol, state: ParticipantState): CriterionResult {
  const head = { criterionId: 'age', criterionVersion: AGE_CRITERION_VERSION };
  if (state.ageYears === undefined) return { ...head, outcome: 'MISSING' };
  const met = state.ageYears >= protocol.ageYears.min && state.ageYears <= protocol.ageYears.max;
  return { ...head, outcome: met ? 'MET' : 'NOT_MET', basedOn: { entryId: 'registration', value: state.ageYears, unit: 'years', observedOn: (state.registeredAt ?? '').slice(0, 10) } };
}

export interface EligibilityEvaluation {
  readonly results: readonly CriterionResult[];
  readonly eligible: boolean;
  readonly recordHash: string;
}

/**
 * Evaluates every criterion of the participant's cohort on the current screening episode. Eligible only when
 * every criterion is MET: a missing, stale or unit-mismatched value is never taken as a pass.
 */
export function evaluateEligibility(protocol: Protocol, cohort: Cohort, state: ParticipantState, evaluatedOn: IsoDate): EligibilityEvaluation {
  const results = [evaluateAge(protocol, state), ...cohort.eligibility.map((c) => evaluateCriterion(c, state, evaluatedOn))];
  const eligible = results.every((r) => r.outcome === 'MET');
  const recordHash = eligibilityRecordHash({ participantId: state.participantId, episode: state.screening.episode, cohortId: cohort.id, protocolVersion: protocol.protocolVersion, results, eligible });
  return { results, eligible, recordHash };
}

/** The hash an investigator's signature binds to: the canonical encoding of the evaluation as shown. */
export const eligibilityRecordHash = (record: unknown): string => sha256Hex(canonicalJson(record));
