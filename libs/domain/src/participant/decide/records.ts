import { isIsoDate, isIsoInstant, toIso } from '../../shared/time.js';
import type { ConfirmDeviation, CorrectEntry, DismissDeviation, VoidEntry } from '../commands.js';
import { CORRECTABLE_FIELDS, VOIDABLE_TYPES } from '../corrections/correctable-entries.js';
import type { EntryCorrectedV1, ParticipantEvent } from '../events.js';
import { evolve } from '../evolve.js';
import { windowOf } from '../planning/visit-windows.js';
import { localDateOf } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';
import { findEntry } from './entries.js';
import { error, firstFailure, notInFuture, reasonGiven, registered, requireContext, utc } from './guards.js';
import { accepted, deviationCandidate, rejected, type ParticipantDecision } from './outcome.js';
import { washoutDeviations } from './treatment.js';

const DATE_FIELDS = new Set(['observedOn', 'lastDoseOn', 'infusionDate', 'onsetOn', 'resolvedOn', 'actualDate', 'visitDate', 'assessedOn']);
const INSTANT_FIELDS = new Set(['startedAt', 'completedAt', 'awareAt']);

function invalidValue(field: string, value: unknown, now: Date, state: ParticipantState): string | undefined {
  if (DATE_FIELDS.has(field) && !(typeof value === 'string' && isIsoDate(value))) return `${field} must be a calendar date (YYYY-MM-DD).`;
  if (INSTANT_FIELDS.has(field) && !(typeof value === 'string' && isIsoInstant(value))) return `${field} must be an ISO 8601 date-time.`;
  if ((DATE_FIELDS.has(field) || INSTANT_FIELDS.has(field)) && notInFuture(value as string, now, field, state)) return `${field} cannot be in the future.`;
  if (field === 'grade' && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5)) return 'CTCAE grade must be 1 to 5.';
  if (field === 'doseMg' && !(typeof value === 'number' && value > 0)) return 'The dose must be a positive number of mg.';
  return undefined;
}

/**
 * A correction records the previous and corrected value of each changed field, with the reason, as a new
 * event; the original entry stays in the stream. Consequences follow from the corrected state: a moved
 * infusion date moves every later deadline (the planner re-derives them), a moved visit date may now fall
 * outside its window, a moved medication stop may make the washout too short.
 */
export function correctEntry(state: ParticipantState, command: CorrectEntry, now: Date): ParticipantDecision {
  const entry = findEntry(state, command.data.entryId);
  const failure = firstFailure(
    () => registered(state),
    () => reasonGiven(command.data.reason),
    () => (!entry ? error('ENTRY_NOT_FOUND', `No correctable entry ${command.data.entryId} (it may have been voided).`, 'entryId') : undefined),
  );
  if (failure || !entry) return rejected(failure ?? error('ENTRY_NOT_FOUND', 'No such entry.', 'entryId'));
  const allowed = CORRECTABLE_FIELDS[entry.entryType] ?? [];
  const changes: EntryCorrectedV1['data']['changes'] = {};
  for (const [field, raw] of Object.entries(command.data.changes)) {
    if (!allowed.includes(field)) return rejected(error('FIELD_NOT_CORRECTABLE', `${field} of a ${entry.entryType} entry cannot be corrected${allowed.length ? ` (correctable: ${allowed.join(', ')})` : ''}.`, `changes.${field}`));
    const problem = invalidValue(field, raw, now, state);
    if (problem) return rejected(error('INVALID_CORRECTION', problem, `changes.${field}`));
    const value = INSTANT_FIELDS.has(field) ? utc(raw as string) : raw;
    if (JSON.stringify(entry.values[field]) !== JSON.stringify(value)) changes[field] = { previous: entry.values[field] ?? null, corrected: value };
  }
  if (entry.entryType === 'InfusionCompleted' && changes.startedAt && !changes.infusionDate) {
    // The infusion date is the local date of the start: keep them consistent.
    const { site } = requireContext(state);
    const date = localDateOf(changes.startedAt.corrected as string, site.utcOffsetMinutes);
    if (date !== entry.values.infusionDate) changes.infusionDate = { previous: entry.values.infusionDate, corrected: date };
  }
  if (entry.entryType === 'VisitCompleted' && changes.actualDate) {
    const { protocol } = requireContext(state);
    const window = windowOf(protocol, state, String(entry.values.visitId));
    const date = changes.actualDate.corrected as string;
    const inWindow = window ? date >= window.opens && date <= window.closes : true;
    if (inWindow !== entry.values.inWindow) changes.inWindow = { previous: entry.values.inWindow, corrected: inWindow };
  }
  if (Object.keys(changes).length === 0) return rejected(error('NOTHING_TO_CORRECT', 'The corrected values equal the recorded ones.', 'changes'));

  const corrected: ParticipantEvent = { type: 'EntryCorrected', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.data.entryId, entryType: entry.entryType, changes, reason: command.data.reason } };
  const after = evolve(state, corrected);
  const followUps: ParticipantEvent[] = [];
  if (entry.entryType === 'MedicationStopped') followUps.push(...washoutDeviations(state, [command.data.entryId], now, after));
  if (entry.entryType === 'VisitCompleted' && changes.inWindow?.corrected === false) {
    const { protocol } = requireContext(state);
    const window = windowOf(protocol, after, String(entry.values.visitId));
    followUps.push(
      ...deviationCandidate(state, now, {
        deviationId: `visit-out-of-window:${String(entry.values.visitId)}`,
        rule: 'VISIT_OUT_OF_WINDOW',
        important: window?.visit.closesDltWindow ?? false,
        description: `Corrected date ${String(changes.actualDate?.corrected)} is outside the window ${window?.opens} to ${window?.closes}.`,
        relatedEntryIds: [command.data.entryId],
      }),
    );
  }
  return accepted(corrected, ...followUps);
}

export function voidEntry(state: ParticipantState, command: VoidEntry, now: Date): ParticipantDecision {
  const entry = findEntry(state, command.data.entryId);
  const failure = firstFailure(
    () => registered(state),
    () => reasonGiven(command.data.reason),
    () => (!entry ? error('ENTRY_NOT_FOUND', `No entry ${command.data.entryId} (it may already be void).`, 'entryId') : undefined),
    () => (entry && !VOIDABLE_TYPES.has(entry.entryType) ? error('ENTRY_NOT_VOIDABLE', `A ${entry.entryType} entry cannot be voided; correct it instead.`, 'entryId') : undefined),
  );
  if (failure || !entry) return rejected(failure ?? error('ENTRY_NOT_FOUND', 'No such entry.', 'entryId'));
  return accepted({ type: 'EntryVoided', schemaVersion: 1, occurredAt: toIso(now), data: { entryId: command.data.entryId, entryType: entry.entryType, reason: command.data.reason } });
}

/** A deviation candidate still waiting for a person's decision, with the reason for that decision. */
function resolvable(state: ParticipantState, deviationId: string, reason: string) {
  const deviation = state.deviations.find((d) => d.deviationId === deviationId);
  return firstFailure(
    () => registered(state),
    () => reasonGiven(reason),
    () => (!deviation ? error('DEVIATION_NOT_FOUND', `No deviation ${deviationId}.`, 'deviationId') : undefined),
    () => (deviation && deviation.status !== 'CANDIDATE' ? error('DEVIATION_ALREADY_RESOLVED', `The deviation is already ${deviation.status.toLowerCase()}.`, 'deviationId') : undefined),
  );
}

export function confirmDeviation(state: ParticipantState, command: ConfirmDeviation, now: Date): ParticipantDecision {
  const failure = resolvable(state, command.data.deviationId, command.data.reason);
  if (failure) return rejected(failure);
  return accepted({ type: 'DeviationConfirmed', schemaVersion: 1, occurredAt: toIso(now), data: command.data });
}

export function dismissDeviation(state: ParticipantState, command: DismissDeviation, now: Date): ParticipantDecision {
  const failure = resolvable(state, command.data.deviationId, command.data.reason);
  if (failure) return rejected(failure);
  return accepted({ type: 'DeviationDismissed', schemaVersion: 1, occurredAt: toIso(now), data: command.data });
}
