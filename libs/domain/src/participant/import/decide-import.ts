import { SYSTEM_ACTOR } from '../../shared/actor.js';
import type { DomainError } from '../../shared/domain-error.js';
import { error } from '../decide/guards.js';
import type { IsoInstant } from '../../shared/time.js';
import type { ParticipantCommand, ReachDeadline } from '../commands.js';
import { decide } from '../decide.js';
import type { ParticipantEvent } from '../events.js';
import { evolve } from '../evolve.js';
import { plan } from '../planning/plan.js';
import type { ParticipantState } from '../state.js';

/**
 * One entry of a journey imported from source records (a legacy EDC, paper CRFs, the demo data): the command
 * as it was made, and the instant it was made at. The entry is decided at that instant, so every rule that
 * reads the clock (eligibility on the evaluation date, enrolment date, windows, deviations) judges it as it
 * would have been judged live. The store still records when the import happened (`recorded_at`), and each
 * event names the import and who ran it, so an imported history is never mistaken for a contemporaneous one.
 */
export interface ImportEntry {
  readonly at: IsoInstant;
  readonly command: ParticipantCommand;
}

/** A decided step of an import: an entry, or a deadline that fell due between two entries. */
export interface ImportStep {
  readonly command: ParticipantCommand;
  readonly at: IsoInstant;
  readonly events: readonly ParticipantEvent[];
}

export type ImportDecision = { readonly ok: true; readonly steps: readonly ImportStep[]; readonly state: ParticipantState } | { readonly ok: false; readonly error: DomainError };

/** Decisions only the orchestrator makes: an import may not claim a timer fired or a reminder went out. */
const ORCHESTRATOR_ONLY = new Set<ParticipantCommand['type']>(['ReachDeadline', 'RecordReminderDelivery']);

/**
 * Decides an import as one unit: all entries in order, each at its own instant, with every deadline that fell
 * due before an entry reached first (at its due time), exactly as the journey's timer would have — so a visit
 * imported late still raises its missed-visit deviation, and a window closes before the next entry is judged.
 * All or nothing: the first entry refused refuses the import, naming the entry. Pure; `now` bounds the
 * instants (a source record cannot come from the future) and `lastAt` is the stream's latest instant (an
 * import continues a journey, it cannot rewrite its past).
 */
export function decideImport(state: ParticipantState, entries: readonly ImportEntry[], now: Date, lastAt?: IsoInstant): ImportDecision {
  if (entries.length === 0) return { ok: false, error: error('IMPORT_EMPTY', 'An import needs at least one entry.', 'entries') };
  const steps: ImportStep[] = [];
  let current = state;
  let previous = lastAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(lastAt);
  const seen = new Set<string>();
  // A deadline is reached once per import, like once per run in the workflow: one that a rule declines must not spin.
  const handled = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const field = `entries[${index}]`;
    const at = Date.parse(entry.at);
    const refused = entryProblem(entry, index, at, previous, now, seen);
    if (refused) return { ok: false, error: refused };
    seen.add(entry.command.commandId);
    for (;;) {
      const due = plan(current).find((d) => !handled.has(`${d.id}@${d.dueAt}`));
      if (!due || Date.parse(due.dueAt) > at) break;
      handled.add(`${due.id}@${due.dueAt}`);
      const reached: ReachDeadline = { type: 'ReachDeadline', commandId: `deadline:${due.id}:${due.dueAt}`, actor: SYSTEM_ACTOR, data: { deadlineId: due.id, dueAt: due.dueAt } };
      const decision = decide(current, reached, new Date(due.dueAt));
      if (!decision.ok || decision.events.length === 0) continue;
      steps.push({ command: reached, at: due.dueAt, events: decision.events });
      current = decision.events.reduce(evolve, current);
    }
    const command = signedAsRecorded(current, entry.command);
    const decision = decide(current, command, new Date(at));
    if (!decision.ok) {
      const { code, message } = decision.error;
      const path = decision.error.field === undefined ? `${field}.command` : `${field}.command.data.${decision.error.field}`;
      return { ok: false, error: error(code, `Entry ${index} (${entry.command.type}, ${entry.command.commandId}, at ${entry.at}): ${message}`, path) };
    }
    steps.push({ command, at: new Date(at).toISOString(), events: decision.events });
    current = decision.events.reduce(evolve, current);
    previous = at;
  }
  return { ok: true, steps, state: current };
}

/**
 * An imported eligibility signature without a record hash covers the evaluation it follows in the import: the
 * source's record had no hash of this system's, and the importer attests what was signed (their name is on every
 * imported event). Live signatures always carry the hash of what the signer was shown.
 */
function signedAsRecorded(state: ParticipantState, command: ParticipantCommand): ParticipantCommand {
  if (command.type !== 'SignEligibility' || command.data.recordHash) return command;
  const recordHash = state.screening.evaluation?.recordHash;
  return recordHash ? { ...command, data: { ...command.data, recordHash } } : command;
}

function entryProblem(entry: ImportEntry, index: number, at: number, previous: number, now: Date, seen: ReadonlySet<string>): DomainError | undefined {
  const field = `entries[${index}]`;
  if (Number.isNaN(at)) return error('IMPORT_INSTANT_INVALID', `Entry ${index}: '${entry.at}' is not an ISO 8601 instant.`, `${field}.at`);
  if (at > now.getTime()) return error('IMPORT_INSTANT_IN_FUTURE', `Entry ${index} is dated ${entry.at}, after now: a source record cannot come from the future.`, `${field}.at`);
  if (at < previous) return error('IMPORT_OUT_OF_ORDER', `Entry ${index} is dated ${entry.at}, before the entry or event preceding it: entries go in the order they were made.`, `${field}.at`);
  if (ORCHESTRATOR_ONLY.has(entry.command.type)) return error('IMPORT_COMMAND_NOT_ALLOWED', `Entry ${index}: ${entry.command.type} is the orchestrator's own decision and is never imported.`, `${field}.command.type`);
  if (seen.has(entry.command.commandId)) return error('IMPORT_COMMAND_ID_REUSED', `Entry ${index}: command id '${entry.command.commandId}' appears twice in the import.`, `${field}.command.commandId`);
  return undefined;
}
