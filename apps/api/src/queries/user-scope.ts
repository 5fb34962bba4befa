import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { requestUser } from '../auth/request-user.js';
import type { UserRole } from '../auth/roles.decorator.js';
import { sitesInScope } from '../auth/site-access.js';

/** Every role reads; each user only what belongs to the sites they are bound to. */
export const READERS: readonly UserRole[] = ['coordinator', 'investigator', 'auditor', 'admin'];

export interface UserScope {
  readonly user: AuthenticatedUser;
  /** The sites a list covers: the requested site (403 if not the user's), else all the user's sites. */
  readonly sites: readonly string[];
}

export function scopeOf(request: Request, requestedSiteId?: string): UserScope {
  const user = requestUser(request);
  return { user, sites: sitesInScope(user, requestedSiteId) };
}
