import type { Protocol } from '../../protocols/protocol.schema.js';
import { readNumber, type Errors } from '../../calculators/efficacy/common/read-input.js';
import { toIso } from '../../shared/time.js';
import type { RecordEfficacyAssessment } from '../commands.js';
import { baselineCodeOf, efficacyInstrument, type EfficacyInstrument } from '../efficacy/efficacy-instruments.js';
import type { EfficacyAssessedV1, EfficacyResponse } from '../events.js';
import type { ParticipantState } from '../state.js';
import { error, firstFailure, notEnded, notInFuture, registered, requireContext, validDate } from './guards.js';
import { accepted, rejected, type ParticipantDecision } from './outcome.js';

type Baseline = EfficacyAssessedV1['data']['baseline'];

/** Instruments the protocol schedules at a visit for a cohort (cohort-specific, then `*`). */
const scheduledAt = (protocol: Protocol, visitId: string, cohortId: string): readonly string[] => {
  const visit = protocol.visits.find((v) => v.id === visitId);
  return visit ? [...(visit.instruments[cohortId] ?? []), ...(visit.instruments['*'] ?? [])] : [];
};

/** The latest screening observation of the instrument (by the date observed), as the efficacy read model shows it. */
function baselineOf(state: ParticipantState, instrument: string): Baseline | { readonly unusable: string } {
  const observation = state.screening.observations
    .filter((o) => o.value.code === baselineCodeOf(instrument))
    .sort((a, b) => a.value.observedOn.localeCompare(b.value.observedOn))
    .at(-1);
  if (!observation) return null;
  const { value, observedOn } = observation.value;
  if (typeof value !== 'number') return { unusable: `the baseline ${baselineCodeOf(instrument)} recorded on ${observedOn} is not a number` };
  return { entryId: observation.entryId, value, observedOn };
}

function responseOf(spec: EfficacyInstrument, protocol: Protocol, baseline: Baseline | { readonly unusable: string }, value: number): EfficacyResponse | null {
  const rule = spec.response;
  if (!rule) return null;
  const definition = rule.definition(protocol);
  if (baseline === null) return { outcome: 'NOT_EVALUABLE', definition, reason: 'no baseline was recorded at screening' };
  if ('unusable' in baseline) return { outcome: 'NOT_EVALUABLE', definition, reason: baseline.unusable };
  const decided = rule.decide(baseline.value, value, protocol);
  if (!decided.ok) return { outcome: 'NOT_EVALUABLE', definition, reason: decided.errors.map((e) => e.message).join('; ') };
  return { outcome: decided.result.value ? 'RESPONSE' : 'NO_RESPONSE', definition, algorithm: `${decided.result.calculator}@${decided.result.algorithmVersion}` };
}

/**
 * An instrument's score at a completed scheduled visit. Only an instrument the protocol schedules at that visit
 * for the participant's cohort, once per visit (a rescore is a void and a new record). The score is checked
 * against the instrument's range; the change from the screening baseline and the response are derived here by
 * the versioned calculators and recorded with their algorithm, never typed in.
 */
export function recordEfficacyAssessment(state: ParticipantState, command: RecordEfficacyAssessment, now: Date): ParticipantDecision {
  const { visitId, instrument, assessedOn, value, unit } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state, true),
    () => (!state.infusion ? error('NOT_INFUSED', 'Efficacy is assessed at the follow-up visits after the infusion.') : undefined),
    () => validDate(assessedOn, 'assessedOn'),
    () => notInFuture(assessedOn, now, 'assessedOn', state),
    () => (state.infusion && assessedOn < state.infusion.infusionDate ? error('ASSESSMENT_BEFORE_INFUSION', 'A follow-up assessment cannot precede the infusion.', 'assessedOn') : undefined),
  );
  if (failure) return rejected(failure);
  const { protocol, cohort } = requireContext(state);
  if (!protocol.visits.some((v) => v.id === visitId)) return rejected(error('UNKNOWN_VISIT', `Visit '${visitId}' is not in the protocol's schedule.`, 'visitId'));
  if (!state.visits.some((v) => v.value.visitId === visitId)) return rejected(error('VISIT_NOT_COMPLETED', `Visit ${visitId} is not recorded as done: record the visit first.`, 'visitId'));
  const scheduled = scheduledAt(protocol, visitId, cohort.id);
  if (!scheduled.includes(instrument)) {
    return rejected(error('INSTRUMENT_NOT_SCHEDULED', `${instrument} is not scheduled at ${visitId} for cohort ${cohort.id} (scheduled: ${scheduled.join(', ') || 'none'}).`, 'instrument'));
  }
  const spec = efficacyInstrument(instrument);
  if (!spec) return rejected(error('INSTRUMENT_NOT_SCORED', `${instrument} has no single score to record; it is recorded as done with the visit.`, 'instrument'));
  if (unit !== undefined && unit !== spec.unit) return rejected(error('WRONG_UNIT', `${instrument} is recorded in '${spec.unit}', not '${unit}'.`, 'unit'));
  const errors: Errors = [];
  if (readNumber(value, 'value', spec.range, errors) === undefined) return rejected(error('INVALID_SCORE', errors.map((e) => e.message).join('; '), 'value'));
  if (state.efficacyAssessments.some((a) => a.value.visitId === visitId && a.value.instrument === instrument)) {
    return rejected(error('EFFICACY_ALREADY_ASSESSED', `${instrument} is already recorded at ${visitId}; void it to record a rescore.`, 'instrument'));
  }

  const baseline = baselineOf(state, instrument);
  const usable = baseline !== null && !('unusable' in baseline) ? baseline : null;
  const compared = usable ? spec.compare(usable.value, value) : undefined;
  // A baseline outside the instrument's range (a mis-keyed screening value) gives no change rather than a wrong one.
  const change = compared?.ok
    ? { absolute: compared.result.value.absoluteChange, percent: compared.result.value.percentChange ?? null, algorithm: `${compared.result.calculator}@${compared.result.algorithmVersion}` }
    : null;
  return accepted({
    type: 'EfficacyAssessed',
    schemaVersion: 1,
    occurredAt: toIso(now),
    data: { entryId: command.commandId, visitId, instrument, assessedOn, value, unit: spec.unit, baseline: usable, change, response: responseOf(spec, protocol, baseline, value) },
  });
}
