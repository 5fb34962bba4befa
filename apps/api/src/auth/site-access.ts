import type { AuthenticatedUser } from './authenticated-user.js';
import { siteNotAllowed } from './auth-problems.js';

/**
 * Site scoping on the API side (the journey workflow checks it again against the participant's recorded
 * site, SITE_NOT_ALLOWED, so no path around the API can bypass it). One rule for the whole API:
 * - a request that names a site the user is not bound to (registration's siteId, a list's site filter)
 *   is answered 403 SITE_NOT_ALLOWED: the caller already knows the site exists;
 * - a participant (or anything of a participant) of another site is answered 404, for reads and commands
 *   alike, as if it did not exist: a user learns nothing about other sites' participants, not even that
 *   one exists under an id;
 * - lists and trial-wide views are filtered to the user's sites, never refused for what they leave out.
 */
export const canAccessSite = (user: AuthenticatedUser, siteId: string): boolean => user.sites.includes(siteId);

export function assertSiteAccess(user: AuthenticatedUser, siteId: string, field?: string): void {
  if (!canAccessSite(user, siteId)) throw siteNotAllowed(siteId, field);
}

/**
 * The sites a list query may cover: the requested one (403 if the user is not bound to it), else all the
 * user's sites. Lists are filtered to these, never answered 403 for what they leave out.
 */
export function sitesInScope(user: AuthenticatedUser, requestedSiteId?: string, field = 'siteId'): readonly string[] {
  if (requestedSiteId === undefined) return user.sites;
  assertSiteAccess(user, requestedSiteId, field);
  return [requestedSiteId];
}
