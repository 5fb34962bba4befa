import { doseTolerance } from '../../calculators/dosing/dose-tolerance.js';
import { roundHalfUp } from '../../calculators/shared/calculation.js';
import { daysBetween, toIso } from '../../shared/time.js';
import type {
  AdministerLymphodepletionDose,
  AllocateProductLot,
  Enrol,
  RecordInfusion,
  RecordLymphodepletionDoseCalculation,
  RecordMedicationStop,
  RecordPreInfusionCheck,
  StartThaw,
} from '../commands.js';
import type { ParticipantEvent } from '../events.js';
import { washoutShortfalls } from '../planning/washout.js';
import { localDateOf } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';
import { calculateLymphodepletionDoses } from './lymphodepletion-calculation.js';
import { error, firstFailure, inPhase, notEnded, notInFuture, registered, requireContext, utc, validDate, validInstant } from './guards.js';
import { accepted, deviationCandidate, rejected, type ParticipantDecision } from './outcome.js';

const PRE_INFUSION_PHASES = ['ENROLLED', 'LYMPHODEPLETION', 'AWAITING_INFUSION'] as const;

export function enrol(state: ParticipantState, command: Enrol, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inPhase(state, ['SCREENING'], 'NOT_IN_SCREENING', 'Only a participant in screening can be enrolled.'),
    () => (!state.screening.signature ? error('ELIGIBILITY_NOT_SIGNED', 'An investigator must sign eligibility before enrolment.') : undefined),
  );
  if (failure) return rejected(failure);
  const { protocol } = requireContext(state);
  if (!protocol.doseLevels.some((d) => d.id === command.data.doseLevelId)) {
    return rejected(error('UNKNOWN_DOSE_LEVEL', `Dose level '${command.data.doseLevelId}' is not defined by the protocol (${protocol.doseLevels.map((d) => d.id).join(', ')}).`, 'doseLevelId'));
  }
  return accepted({ type: 'Enrolled', schemaVersion: 1, occurredAt: toIso(now), data: { doseLevelId: command.data.doseLevelId } });
}

export function recordMedicationStop(state: ParticipantState, command: RecordMedicationStop, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => validDate(command.data.lastDoseOn, 'lastDoseOn'),
    () => notInFuture(command.data.lastDoseOn, now, 'lastDoseOn', state),
  );
  if (failure) return rejected(failure);
  const { protocol } = requireContext(state);
  if (!protocol.washout.classes.some((c) => c.drugClass === command.data.drugClass)) {
    return rejected(error('UNKNOWN_DRUG_CLASS', `'${command.data.drugClass}' is not a drug class of the protocol's washout table.`, 'drugClass'));
  }
  const recorded: ParticipantEvent = { type: 'MedicationStopped', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, ...command.data } };
  // Recorded after lymphodepletion began (late data entry): the washout it implies was too short.
  return accepted(recorded, ...washoutDeviations(state, [command.commandId], now, { ...state, medicationStops: [...state.medicationStops, { entryId: command.commandId, type: 'MedicationStopped', value: command.data }] }));
}

/** Deviation candidates for stops whose washout had not finished when lymphodepletion started. */
export function washoutDeviations(before: ParticipantState, _changed: readonly string[], now: Date, after: ParticipantState): ParticipantEvent[] {
  if (!after.ld.startedAt) return [];
  const { protocol, site } = requireContext(after);
  const ldDate = localDateOf(after.ld.startedAt, site.utcOffsetMinutes);
  return washoutShortfalls(protocol, after, ldDate).flatMap((s) =>
    deviationCandidate(before, now, {
      deviationId: `washout-too-short:${s.entryId}`,
      rule: 'WASHOUT_TOO_SHORT',
      important: true,
      description: `${s.drugClass} washout complete only on ${s.completeOn}, after lymphodepletion started on ${ldDate}.`,
      relatedEntryIds: [s.entryId],
    }),
  );
}

export function recordLdCalculation(state: ParticipantState, command: RecordLymphodepletionDoseCalculation, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inPhase(state, ['ENROLLED'], 'NOT_ENROLLED', 'Lymphodepletion doses are calculated after enrolment and before the first dose.'),
    () => validDate(command.data.measuredOn, 'measuredOn'),
    () => notInFuture(command.data.measuredOn, now, 'measuredOn', state),
  );
  if (failure) return rejected(failure);
  const calculation = calculateLymphodepletionDoses(requireContext(state), state, command.data);
  if (!calculation.ok) return rejected(calculation.error);
  return accepted({ type: 'LymphodepletionDosesCalculated', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, ...calculation.value } });
}

export function administerLdDose(state: ParticipantState, command: AdministerLymphodepletionDose, now: Date): ParticipantDecision {
  const { drug, day, doseMg } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inPhase(state, ['ENROLLED', 'LYMPHODEPLETION'], 'NOT_ENROLLED', 'Lymphodepletion is given after enrolment and before infusion.'),
    () => (!state.screening.signature ? error('ELIGIBILITY_NOT_SIGNED', 'Eligibility must be signed by an investigator before lymphodepletion.') : undefined),
    () => validInstant(command.data.administeredAt, 'administeredAt'),
    () => notInFuture(command.data.administeredAt, now, 'administeredAt', state),
    () => (!(doseMg > 0) || !Number.isFinite(doseMg) ? error('INVALID_DOSE', 'The administered dose must be a positive number of mg.', 'doseMg') : undefined),
    () => (!state.ld.calculated ? error('LD_DOSES_NOT_CALCULATED', 'Calculate the lymphodepletion doses before giving them.') : undefined),
  );
  if (failure) return rejected(failure);
  const { protocol, site } = requireContext(state);
  if (protocol.lymphodepletion.requireLotBeforeStart && !state.lot) {
    return rejected(error('LOT_NOT_ALLOCATED', 'The product lot must be allocated (on site) before lymphodepletion starts (EBMT 2024).'));
  }
  const administeredAt = utc(command.data.administeredAt);
  // Washout is measured to the protocol's reference event; here, the start of lymphodepletion.
  if (!state.ld.startedAt && protocol.washout.referenceEvent === 'LYMPHODEPLETION_START') {
    const shortfalls = washoutShortfalls(protocol, state, localDateOf(administeredAt, site.utcOffsetMinutes));
    if (shortfalls.length > 0) {
      const first = shortfalls[0]!;
      return rejected(error('WASHOUT_NOT_SATISFIED', `The ${first.drugClass} washout is complete only on ${first.completeOn}.`));
    }
  }
  const planned = state.ld.calculated!.doses.find((d) => d.drug === drug && d.day === day);
  if (!planned) return rejected(error('LD_DOSE_NOT_IN_REGIMEN', `No ${drug} dose is planned on day ${day}.`, 'day'));
  if (state.ld.administered.some((a) => a.value.drug === drug && a.value.day === day)) {
    return rejected(error('LD_DOSE_ALREADY_GIVEN', `The ${drug} dose of day ${day} is already recorded; correct it instead.`, 'day'));
  }
  const check = doseTolerance({ calculated: { value: planned.doseMg, unit: 'mg' }, administered: { value: doseMg, unit: 'mg' }, tolerance: { percent: protocol.lymphodepletion.doseTolerancePercent } });
  if (!check.ok) return rejected(error('INVALID_DOSE', check.errors.map((e) => e.message).join('; '), 'doseMg'));
  const deviationPercent = check.result.value.percentDeviation;
  const events: ParticipantEvent[] = [
    { type: 'LymphodepletionDoseAdministered', schemaVersion: 1, occurredAt: administeredAt, data: { entryId: command.commandId, drug, day, doseMg, calculatedMg: planned.doseMg, deviationPercent } },
  ];
  if (!check.result.value.withinTolerance) {
    events.push(...deviationCandidate(state, now, {
      deviationId: `ld-dose-outside-tolerance:${drug}:${day}`,
      rule: 'LD_DOSE_OUTSIDE_TOLERANCE',
      important: true,
      description: `${drug} day ${day}: ${doseMg} mg given, ${planned.doseMg} mg calculated (${deviationPercent}%, tolerance ±${protocol.lymphodepletion.doseTolerancePercent}%).`,
      relatedEntryIds: [command.commandId, state.ld.calculated!.entryId],
    }));
  }
  const remaining = state.ld.calculated!.doses.filter((d) => !(d.drug === drug && d.day === day) && !state.ld.administered.some((a) => a.value.drug === d.drug && a.value.day === d.day));
  if (remaining.length === 0) events.push({ type: 'LymphodepletionCompleted', schemaVersion: 1, occurredAt: administeredAt, data: { lastDoseAt: administeredAt } });
  return accepted(...events);
}

export function recordPreInfusionCheck(state: ParticipantState, command: RecordPreInfusionCheck, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inPhase(state, ['AWAITING_INFUSION'], 'LD_NOT_COMPLETE', 'The pre-infusion check follows the last lymphodepletion dose.'),
    () => (Object.keys(command.data.items).length === 0 ? error('CHECKLIST_EMPTY', 'Record each item of the pre-infusion checklist.', 'items') : undefined),
  );
  if (failure) return rejected(failure);
  const passed = Object.values(command.data.items).every(Boolean);
  return accepted({ type: 'PreInfusionCheckRecorded', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.commandId, items: command.data.items, passed } });
}

export function allocateLot(state: ParticipantState, command: AllocateProductLot, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inPhase(state, PRE_INFUSION_PHASES, 'NOT_ENROLLED', 'A product lot is allocated to an enrolled participant before infusion.'),
    () => (state.lot ? error('LOT_ALREADY_ALLOCATED', `Lot ${state.lot.lotId} is already allocated.`) : undefined),
    () => (command.data.lotId.trim() === '' ? error('INVALID_LOT', 'A lot number is required.', 'lotId') : undefined),
    () => (command.data.bagIds.length === 0 ? error('INVALID_LOT', 'At least one bag id is required.', 'bagIds') : undefined),
  );
  if (failure) return rejected(failure);
  return accepted({ type: 'ProductLotAllocated', schemaVersion: 1, occurredAt: toIso(now), data: command.data });
}

export function startThaw(state: ParticipantState, command: StartThaw, now: Date): ParticipantDecision {
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => inPhase(state, ['AWAITING_INFUSION'], 'LD_NOT_COMPLETE', 'The product is thawed after lymphodepletion is complete.'),
    () => (!state.preInfusionCheck?.passed ? error('PRE_INFUSION_CHECK_NOT_PASSED', 'The pre-infusion check must pass before the product is thawed.') : undefined),
    () => (!state.lot ? error('LOT_NOT_ALLOCATED', 'No product lot is allocated to this participant.') : undefined),
    () => (state.thawStartedAt ? error('ALREADY_THAWED', 'The product was already thawed: thawed product cannot be refrozen.') : undefined),
    () => (command.data.bagIds.some((b) => !state.lot?.bagIds.includes(b)) ? error('BAG_NOT_ALLOCATED', 'A bag is not part of the allocated lot: check the label against the allocation.', 'bagIds') : undefined),
    () => validInstant(command.data.startedAt, 'startedAt'),
    () => notInFuture(command.data.startedAt, now, 'startedAt', state),
  );
  if (failure) return rejected(failure);
  return accepted({ type: 'ProductThawStarted', schemaVersion: 1, occurredAt: utc(command.data.startedAt), data: { bagIds: command.data.bagIds } });
}

export function recordInfusion(state: ParticipantState, command: RecordInfusion, now: Date): ParticipantDecision {
  const { startedAt, completedAt, carPositiveCellsInfused, weightKg } = command.data;
  const failure = firstFailure(
    () => registered(state),
    () => notEnded(state),
    () => (state.infusion ? error('ALREADY_INFUSED', 'The single CAR-T infusion is already recorded; correct it if a detail was wrong.') : undefined),
    () => inPhase(state, ['AWAITING_INFUSION'], 'LD_NOT_COMPLETE', 'The infusion follows the completed lymphodepletion.'),
    () => (!state.preInfusionCheck?.passed ? error('PRE_INFUSION_CHECK_NOT_PASSED', 'The pre-infusion check has not passed.') : undefined),
    () => (!state.lot ? error('LOT_NOT_ALLOCATED', 'No product lot is allocated to this participant.') : undefined),
    () => (!state.thawStartedAt ? error('THAW_NOT_STARTED', 'Record the thaw start before the infusion.') : undefined),
    () => validInstant(startedAt, 'startedAt'),
    () => validInstant(completedAt, 'completedAt'),
    () => notInFuture(completedAt, now, 'completedAt', state),
    () => (Date.parse(completedAt) < Date.parse(startedAt) ? error('INVALID_INFUSION_TIMES', 'The infusion cannot end before it starts.', 'completedAt') : undefined),
    () => (!(carPositiveCellsInfused > 0) ? error('INVALID_DOSE', 'The number of CAR+ cells infused must be positive.', 'carPositiveCellsInfused') : undefined),
    () => (!(weightKg > 0 && weightKg < 400) ? error('INVALID_WEIGHT', 'The body weight used for dosing must be in kg.', 'weightKg') : undefined),
  );
  if (failure) return rejected(failure);
  const { protocol, site } = requireContext(state);
  const level = protocol.doseLevels.find((d) => d.id === state.doseLevelId);
  if (!level) return rejected(error('UNKNOWN_DOSE_LEVEL', 'The participant has no dose level assigned.'));
  const targetCells =
    level.dose.basis === 'FIXED' ? level.dose.carPositiveCells : Math.min(level.dose.carPositiveCellsPerKg * weightKg, level.dose.maxTotalCells ?? Number.POSITIVE_INFINITY);
  const percentOfTarget = roundHalfUp((carPositiveCellsInfused / targetCells) * 100, 1);
  const start = utc(startedAt);
  const end = utc(completedAt);
  const entryId = command.commandId;
  const events: ParticipantEvent[] = [
    {
      type: 'InfusionCompleted',
      schemaVersion: 1,
      occurredAt: end,
      data: { entryId, startedAt: start, completedAt: end, infusionDate: localDateOf(start, site.utcOffsetMinutes), carPositiveCellsInfused, weightKg, targetCells, percentOfTarget },
    },
  ];
  const thawMinutes = (Date.parse(end) - Date.parse(state.thawStartedAt!)) / 60_000;
  if (thawMinutes > protocol.infusion.thawToInfusionLimitMinutes) {
    events.push(...deviationCandidate(state, now, { deviationId: 'thaw-limit-exceeded', rule: 'THAW_LIMIT_EXCEEDED', important: true, description: `Infusion ended ${Math.round(thawMinutes)} min after thaw start (limit ${protocol.infusion.thawToInfusionLimitMinutes} min).`, relatedEntryIds: [entryId] }));
  }
  // Calendar days at the site, as the planner's deadline counts them (not 24-hour blocks).
  const delayDays = daysBetween(localDateOf(state.ld.completedAt!, site.utcOffsetMinutes), localDateOf(start, site.utcOffsetMinutes));
  if (delayDays > protocol.infusion.maxDaysFromLymphodepletionEnd) {
    events.push(...deviationCandidate(state, now, { deviationId: 'infusion-delayed-after-ld', rule: 'INFUSION_DELAYED_AFTER_LD', important: true, description: `Infusion ${delayDays} days after the last lymphodepletion dose (limit ${protocol.infusion.maxDaysFromLymphodepletionEnd}).`, relatedEntryIds: [entryId] }));
  }
  if (Math.abs(percentOfTarget - 100) > protocol.infusion.doseTolerancePercent) {
    events.push(...deviationCandidate(state, now, { deviationId: 'infusion-dose-outside-tolerance', rule: 'INFUSION_DOSE_OUTSIDE_TOLERANCE', important: true, description: `${percentOfTarget}% of the assigned dose infused (tolerance ±${protocol.infusion.doseTolerancePercent}%).`, relatedEntryIds: [entryId] }));
  }
  return accepted(...events);
}
