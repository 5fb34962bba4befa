import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { roleNotAllowed, unauthenticated } from './auth-problems.js';
import { PUBLIC_KEY, ROLES_KEY, type UserRole } from './roles.decorator.js';

/**
 * Policy for a route without @Roles. Reads: every role (each user still sees only their own sites).
 * Writes: coordinators and investigators only, so an endpoint added without thought can never let an
 * auditor (read-only by regulation: an auditor must not alter what they audit) or an admin (who manages
 * nothing clinical) change a participant's record. Investigator-only signatures declare @Roles('investigator').
 */
export const READ_ROLES: readonly UserRole[] = ['coordinator', 'investigator', 'auditor', 'admin'];
export const WRITE_ROLES: readonly UserRole[] = ['coordinator', 'investigator'];
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const defaultRoles = (method: string): readonly UserRole[] => (READ_METHODS.has(method.toUpperCase()) ? READ_ROLES : WRITE_ROLES);

const BEARER = /^Bearer ([A-Za-z0-9_.~+/-]+=*)$/i;

/**
 * Global guard (APP_GUARD): every route needs a valid bearer token unless marked @Public(); the verified
 * user is put on `request.user` and their role checked against @Roles (or the default above).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') throw unauthenticated('Send an access token: Authorization: Bearer <token> (POST /v1/auth/token to sign in).', false);
    const token = BEARER.exec(header.trim())?.[1];
    if (token === undefined) throw unauthenticated('The Authorization header must be "Bearer <token>".', true);

    const user = await this.verifier.verify(token);
    request.user = user;
    const allowed = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets) ?? defaultRoles(request.method);
    if (!allowed.includes(user.role)) throw roleNotAllowed(user.role, allowed);
    return true;
  }
}
