import type { Request } from 'express';
import { problem } from '../../http/problem.js';

/**
 * The stream version a client acted on, from `If-Match` (the ETag it was given: `"7"`, also `W/"7"` or `7`).
 * Optional: without it the command is decided against whatever the journey holds; with it, a participant that
 * changed since is refused with 409 STALE_VERSION and nothing is recorded. `*` means "any version".
 */
export function expectedVersionOf(request: Request): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw problem(400, 'VALIDATION_FAILED', 'The request is invalid', '1 invalid field(s) in the headers: If-Match must be an ETag this API gave, e.g. "7".', {
      errors: [{ field: 'If-Match', message: 'must be a stream version ETag such as "7"' }],
    });
  }
  return Number(match[1]);
}
