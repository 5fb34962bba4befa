import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException, problemType, type ProblemDetails } from './problem.js';

const TITLES: Record<number, { code: string; title: string }> = {
  400: { code: 'BAD_REQUEST', title: 'The request is malformed' },
  401: { code: 'UNAUTHENTICATED', title: 'Authentication is required' },
  403: { code: 'FORBIDDEN', title: 'Not allowed' },
  404: { code: 'NOT_FOUND', title: 'Not found' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'Method not allowed' },
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'The request body is too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Send the request body as application/json' },
};

function bodyParserError(error: unknown): ProblemDetails | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error) || !('status' in error)) return undefined;
  const status = Number(error.status);
  if (!(status >= 400 && status < 500)) return undefined;
  if (error.type === 'entity.parse.failed') {
    const detail = error instanceof Error ? error.message : undefined;
    return { type: problemType('MALFORMED_JSON'), title: 'The request body is not valid JSON', status, code: 'MALFORMED_JSON', ...(detail ? { detail } : {}) };
  }
  const known = TITLES[status] ?? { code: `HTTP_${status}`, title: 'Bad request' };
  return { type: problemType(known.code), title: known.title, status, code: known.code };
}

/**
 * Every error leaves the API as application/problem+json (RFC 9457), including Nest's own (unknown route,
 * malformed JSON) and unexpected failures, which are logged with the request id but never leak internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { problem, headers } = this.toProblem(exception);
    const body: ProblemDetails = { ...problem, instance: request.originalUrl, requestId: String(request.id ?? '') };
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): { problem: ProblemDetails; headers: Record<string, string> } {
    if (exception instanceof ProblemException) {
      const p = exception.problem;
      return { problem: { ...p, type: p.type ?? problemType(p.code) }, headers: exception.headers };
    }
    // Express/body-parser errors (malformed JSON, too large, wrong charset) arrive either raw or wrapped by
    // Nest's adapter in an HttpException whose cause is the original error.
    const parserError = bodyParserError(exception instanceof HttpException ? exception.cause : exception);
    if (parserError) return { problem: parserError, headers: {} };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = TITLES[status] ?? { code: `HTTP_${status}`, title: HttpStatus[status] ?? 'Error' };
      const response = exception.getResponse();
      const message = typeof response === 'object' && response !== null && 'message' in response ? response.message : exception.message;
      const detail = Array.isArray(message) ? message.join('; ') : String(message);
      // Terminus answers "not ready" with the state of every check: keep it, that is the useful part.
      const checks = typeof response === 'object' && response !== null && 'details' in response ? (response.details as Record<string, unknown>) : undefined;
      return { problem: { type: problemType(known.code), title: known.title, status, code: known.code, detail, ...(checks ? { checks } : {}) }, headers: {} };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      problem: { type: problemType('INTERNAL_ERROR'), title: 'Unexpected error', status: 500, code: 'INTERNAL_ERROR', detail: 'The error was logged; quote the requestId.' },
      headers: {},
    };
  }
}
