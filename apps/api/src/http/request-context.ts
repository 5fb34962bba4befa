import type { Request } from 'express';
import type { Actor } from '@trialflow/domain';
import { requestUser } from '../auth/request-user.js';

/**
 * Who is calling, as the domain records it: the verified user's id, printed name (shown with every e-signature,
 * 21 CFR 11.50) and role, and the sites they are bound
 * to, so the journey itself refuses a participant of any other site (SITE_NOT_ALLOWED) whatever the API
 * checked. `siteId` is the site the command is about when the request names one (registration).
 */
export function requestActor(request: Request, siteId?: string): Actor {
  const user = requestUser(request);
  return { id: user.id, name: user.name, role: user.role, sites: user.sites, ...(siteId === undefined ? {} : { siteId }) };
}

/** The request id set by the HTTP logger (from X-Request-Id when the caller sends one): our correlation id. */
export const correlationId = (request: Request): string => String(request.id ?? '');
