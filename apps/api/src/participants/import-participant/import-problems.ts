import type { DomainError } from '@trialflow/domain';
import { problem, ProblemException } from '../../http/problem.js';
import { commandProblem, domainErrorOf, domainProblem } from '../../temporal/command-errors.js';

const ENTRY_FIELD = /^entries\[(\d+)\](.*)$/;
const REGISTRATION_FIELDS = new Set(['participantCode', 'cohortId', 'siteId', 'ageYears', 'sex']);

/**
 * The journey names an import's fields by its own entries, the registration first (`entries[0]`) and each
 * command as `command.data.<field>`; the client sent the registration as top-level fields and entry i as
 * `entries[i]` with its `body`. Translates one into the other, so a refusal names what the client sent.
 */
export function requestFieldOf(field: string | undefined): string | undefined {
  if (field === 'commandId') return 'importId';
  const match = field === undefined ? null : ENTRY_FIELD.exec(field);
  if (!match) return field;
  const index = Number(match[1]);
  const rest = match[2]!.replace(/^\.command\.data\./, '.body.').replace(/^\.command\.commandId$/, '.body.commandId').replace(/^\.command\.type$/, '.type').replace(/^\.command$/, '');
  if (index > 0) return `entries[${index - 1}]${rest}`;
  if (rest === '.at') return 'registeredAt';
  const registrationField = rest.replace(/^\.body\./, '');
  return REGISTRATION_FIELDS.has(registrationField) ? registrationField : 'participantCode';
}

/** "Entry 3 (…): …" in the journey's numbering → the client's ("entries[2] (…)"; the registration for 0). */
const requestMessageOf = (message: string): string =>
  message.replace(/^Entry (\d+)\b/, (_, n: string) => (Number(n) === 0 ? 'The registration' : `entries[${Number(n) - 1}]`));

const alreadyRegistered = (): ProblemException =>
  problem(409, 'PARTICIPANT_ALREADY_REGISTERED', 'Conflicts with the current state', 'This participant code already belongs to a journey: an import registers a new participant.', {
    errors: [{ field: 'participantCode', message: 'already used' }],
  });

/**
 * What the journey answered to an import, as problem details. A refused entry is a 422 naming it (also for
 * rules that would be a 403 or a 409 for a live command: the entry as sent is what is wrong, not who sent the
 * import), a code that already has a journey a 409, and time-outs and store failures as for every command.
 */
export function importProblem(error: unknown): ProblemException | undefined {
  const refusal = domainErrorOf(error);
  if (!refusal) return resendWithImportId(commandProblem(error));
  if (isExistingJourney(refusal)) return alreadyRegistered();
  const mapped = resendWithImportId(domainProblem({ ...refusal, message: requestMessageOf(refusal.message), ...(refusal.field === undefined ? {} : { field: requestFieldOf(refusal.field)! }) }))!;
  if (mapped.problem.status !== 403 && mapped.problem.status !== 409) return mapped;
  return new ProblemException({ ...mapped.problem, status: 422, title: 'A protocol rule forbids this' }, mapped.headers);
}

/**
 * The code's journey exists already: registered by the registration endpoint or by another import (the id
 * the journey was started with is not the one derived for this import), or holding events this import's
 * registration would come before (only a registered journey has any).
 */
function isExistingJourney(refusal: DomainError): boolean {
  if (refusal.code === 'PARTICIPANT_ALREADY_REGISTERED' || refusal.code === 'PARTICIPANT_ID_MISMATCH') return true;
  return refusal.code === 'IMPORT_OUT_OF_ORDER' && refusal.field === 'entries[0].at';
}

/** A time-out or a store that is behind says to resend the same request: for an import, the same importId. */
function resendWithImportId(mapped: ProblemException | undefined): ProblemException | undefined {
  const detail = mapped?.problem.detail;
  if (!mapped || detail === undefined || !detail.includes('commandId')) return mapped;
  return new ProblemException({ ...mapped.problem, detail: detail.replaceAll('commandId', 'importId') }, mapped.headers);
}
