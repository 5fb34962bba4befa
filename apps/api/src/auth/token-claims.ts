import type { JWTPayload } from 'jose';
import { problem } from '../http/problem.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { unauthenticated } from './auth-problems.js';
import type { UserRole } from './roles.decorator.js';

export const USER_ROLES: readonly UserRole[] = ['coordinator', 'investigator', 'auditor', 'admin'];

export interface ClaimNames {
  readonly role: string;
  readonly sites: string;
  readonly name: string;
}

/** The claim names of the local issuer's tokens (also the defaults for an OIDC provider). */
export const LOCAL_CLAIMS: ClaimNames = { role: 'trialflow_role', sites: 'trialflow_sites', name: 'name' };

/** A claim by exact name first (namespaced claims such as `https://x/roles` contain dots), else by dotted path. */
function claim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);
}

function roleOf(value: unknown): UserRole | undefined {
  const candidates = (Array.isArray(value) ? value : [value]).filter((v): v is UserRole => USER_ROLES.includes(v as UserRole));
  // A person acts in exactly one role per session; a token granting two is ambiguous and refused.
  return candidates.length === 1 ? candidates[0] : undefined;
}

function sitesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(list.filter((s): s is string => typeof s === 'string' && s.length > 0))];
}

/**
 * The user a verified token speaks for. A token without exactly one trialflow role is authentic but grants
 * nothing here: 403, not 401, since signing in again would not change it.
 */
export function userFromClaims(payload: JWTPayload, names: ClaimNames): AuthenticatedUser {
  const role = roleOf(claim(payload, names.role));
  if (!payload.sub) throw unauthenticated('The token names no subject.', true);
  if (!role) throw problem(403, 'ROLE_NOT_ALLOWED', 'Not allowed for your role', `The token grants no single trialflow role (claim ${names.role}).`);
  const name = claim(payload, names.name);
  const authTime = payload.auth_time;
  return {
    id: payload.sub,
    name: typeof name === 'string' && name.length > 0 ? name : payload.sub,
    role,
    sites: sitesOf(claim(payload, names.sites)),
    ...(typeof authTime === 'number' ? { authTime } : {}),
  };
}
