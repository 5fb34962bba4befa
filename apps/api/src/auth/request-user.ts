import type { Request } from 'express';
import { unauthenticated } from './auth-problems.js';
import type { AuthenticatedUser } from './authenticated-user.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the authentication guard from the verified bearer token; absent only on public routes. */
    user?: AuthenticatedUser;
  }
}

/** The authenticated caller. On a public route (no guard-checked token) this is a 401, never a guess. */
export function requestUser(request: Request): AuthenticatedUser {
  if (!request.user) throw unauthenticated('This operation needs a signed-in user.', false);
  return request.user;
}
