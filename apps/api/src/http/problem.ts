import { HttpException } from '@nestjs/common';

/** One field-level error inside a problem: which input, and what was wrong with it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * RFC 9457 problem details. `code` is our stable machine-readable key (clients branch on it, never on the
 * human text); `errors` lists every bad field of a 400.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  /** The request's id (X-Request-Id), to quote when reporting a problem. */
  readonly requestId?: string;
  /** Health checks: the state of each dependency when the service is not ready. */
  readonly checks?: Record<string, unknown>;
}

export const problemType = (code: string): string => `urn:trialflow:problem:${code.toLowerCase().replaceAll('_', '-')}`;

/** Thrown anywhere in the API; the problem-details filter renders it as is. */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Omit<ProblemDetails, 'type'> & { type?: string },
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }
}

export const problem = (
  status: number,
  code: string,
  title: string,
  detail?: string,
  extra: Partial<Pick<ProblemDetails, 'errors'>> = {},
): ProblemException => new ProblemException({ status, code, title, ...(detail === undefined ? {} : { detail }), ...extra });
