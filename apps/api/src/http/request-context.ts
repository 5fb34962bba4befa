import type { Request } from 'express';
import type { Actor } from '@trialflow/domain';

/**
 * Who is calling. Authentication (signed tokens, roles, site binding) is the API issue's work; until it
 * lands every request is attributed to this one placeholder identity so that the event metadata already
 * has its final shape. The id says plainly that nobody was authenticated.
 */
export function requestActor(_request: Request, siteId?: string): Actor {
  return { id: 'unauthenticated', role: 'coordinator', ...(siteId === undefined ? {} : { siteId }) };
}

/** The request id set by the HTTP logger (from X-Request-Id when the caller sends one): our correlation id. */
export const correlationId = (request: Request): string => String(request.id ?? '');
