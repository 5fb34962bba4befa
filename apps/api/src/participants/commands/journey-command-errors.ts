import { WorkflowNotFoundError } from '@temporalio/common';
import { problem, ProblemException } from '../../http/problem.js';
import { commandProblem } from '../../temporal/command-errors.js';

/**
 * Journey rules whose refusal means "this is already done" or "the record changed under you": conflicts with
 * the current state (409), not broken rules (422). A client resending the same command with a new commandId
 * meets these; `RECORD_CHANGED_SINCE_DISPLAYED` is the signature's optimistic concurrency check.
 */
export const JOURNEY_CONFLICT_CODES: ReadonlySet<string> = new Set([
  'CONSENT_ALREADY_SIGNED',
  'ELIGIBILITY_ALREADY_SIGNED',
  'RECORD_CHANGED_SINCE_DISPLAYED',
  'STALE_VERSION',
  'LOT_ALREADY_ALLOCATED',
  'LD_DOSE_ALREADY_GIVEN',
  'ALREADY_THAWED',
  'ALREADY_INFUSED',
  'AE_ALREADY_REPORTED',
  'ALREADY_REPORTED',
  'ALREADY_FLAGGED',
  'ALREADY_ADJUDICATED',
  'VISIT_ALREADY_COMPLETED',
  'EFFICACY_ALREADY_ASSESSED',
  'DEVIATION_ALREADY_RESOLVED',
]);

export const participantNotFound = (participantId: string): ProblemException =>
  problem(404, 'PARTICIPANT_NOT_FOUND', 'Not found', `No participant ${participantId}.`);

/**
 * What the journey (via Temporal) answered to a command, as problem details: the shared mapping
 * (domain rejection → 422 with the rule, time-out → 503 with Retry-After, write failure → 500), with the
 * journey's conflict codes as 409, and a journey that no longer takes commands.
 */
export function journeyCommandProblem(error: unknown): ProblemException | undefined {
  if (error instanceof WorkflowNotFoundError) {
    // Commands are sent only to registered participants, so no running journey means it has finished: closed
    // out after it ended (Temporal answers NOT_FOUND for a workflow that completed).
    return problem(422, 'JOURNEY_CLOSED', 'A protocol rule forbids this', 'The participant’s journey is closed: nothing more can be recorded.');
  }
  const mapped = commandProblem(error);
  if (mapped && mapped.problem.status === 422 && JOURNEY_CONFLICT_CODES.has(mapped.problem.code)) {
    return new ProblemException({ ...mapped.problem, status: 409, title: 'Conflicts with the current state' }, mapped.headers);
  }
  return mapped;
}
