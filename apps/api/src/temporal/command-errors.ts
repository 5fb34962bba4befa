import { isGrpcServiceError, ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { DOMAIN_REJECTION_FAILURE_TYPE } from '@trialflow/contracts';
import type { DomainError } from '@trialflow/domain';
import { problem, type ProblemException } from '../http/problem.js';

/** Domain error codes that are conflicts with existing state rather than broken rules. */
const CONFLICT_CODES = new Set(['PARTICIPANT_ALREADY_REGISTERED']);
const NOT_FOUND_CODES = new Set(['TRIAL_NOT_FOUND']);
/** Refusals of who is asking rather than of what is asked: access control, so 403 like the API's own checks. */
const FORBIDDEN_CODES = new Set(['SITE_NOT_ALLOWED', 'INVESTIGATOR_REQUIRED']);

const TITLES: Record<number, string> = { 403: 'Not allowed', 404: 'Not found', 409: 'Conflicts with the current state', 422: 'A protocol rule forbids this' };

export function domainProblem(error: DomainError): ProblemException {
  // The journey's store is behind (the database was away): nothing was recorded, the same command may be resent.
  if (error.code === 'STORE_BEHIND') {
    const p = problem(503, error.code, 'The event store is catching up', `${error.message} Nothing was recorded; send the same request (same commandId) again.`);
    p.headers['Retry-After'] = '5';
    return p;
  }
  // The store refused this journey's events for good: an operator must repair it; nothing was recorded.
  if (error.code === 'JOURNEY_WRITE_FAILED') return problem(500, error.code, 'The journey could not record this command', error.message);
  const status = CONFLICT_CODES.has(error.code) ? 409 : NOT_FOUND_CODES.has(error.code) ? 404 : FORBIDDEN_CODES.has(error.code) ? 403 : 422;
  const title = error.code === 'SITE_NOT_ALLOWED' ? 'Not allowed for this site' : (TITLES[status] ?? 'A protocol rule forbids this');
  return problem(status, error.code, title, error.message, error.field ? { errors: [{ field: error.field, message: error.message }] } : {});
}

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
const GRPC_CANCELLED = 1;

function isTimeout(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && [GRPC_DEADLINE_EXCEEDED, GRPC_UNAVAILABLE, GRPC_CANCELLED].includes(cause.code);
}

/** The journey's domain rejection carried by a failed Update, if that is what the error is. */
export function domainErrorOf(error: unknown): DomainError | undefined {
  if (!(error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === DOMAIN_REJECTION_FAILURE_TYPE)) return undefined;
  const [domainError] = (error.cause.details ?? []) as DomainError[];
  return domainError;
}

/**
 * Maps what Temporal answered to a command into problem details. A time-out is a 503 with Retry-After:
 * nothing was recorded (the update never completed) and the same command id may be sent again safely.
 */
export function commandProblem(error: unknown): ProblemException | undefined {
  const domainError = domainErrorOf(error);
  if (domainError) return domainProblem(domainError);
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return problem(409, 'PARTICIPANT_ALREADY_REGISTERED', 'Conflicts with the current state', 'This participant code belongs to a journey that has already ended.', {
      errors: [{ field: 'participantCode', message: 'already used' }],
    });
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ActivityFailure) {
    // The events could not be written (a write conflict, the database refusing them): nothing was recorded.
    return problem(500, 'JOURNEY_WRITE_FAILED', 'The journey could not record this command', 'Nothing was recorded; the failure was logged with the request id.');
  }
  if (isTimeout(error)) {
    const p = problem(503, 'ORCHESTRATOR_UNAVAILABLE', 'The orchestrator did not answer in time', 'The command may not have been recorded yet. Send the same request (same commandId) again: it is recorded at most once.');
    p.headers['Retry-After'] = '5';
    return p;
  }
  return undefined;
}
