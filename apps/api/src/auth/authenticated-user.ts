import type { UserRole } from './roles.decorator.js';

/** The person behind a request, from a verified token: who, in which role, for which sites. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
  /** Sites the user is bound to: every query and command is scoped to them. */
  readonly sites: readonly string[];
}
