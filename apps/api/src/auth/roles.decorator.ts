import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { ActorRole } from '@trialflow/domain';

/** Roles a person can hold (the orchestrator's own `system` role is never given to a person). */
export type UserRole = Exclude<ActorRole, 'system'>;

export const ROLES_KEY = 'trialflow:roles';
export const PUBLIC_KEY = 'trialflow:public';

/**
 * Which roles may call the endpoint; the authentication guard answers 403 ROLE_NOT_ALLOWED to any other
 * role. Also documented in the OpenAPI operation as `x-roles`. Without it the guard's default applies:
 * reads for every role, writes for coordinators and investigators (see auth.guard.ts).
 */
export const Roles = (...roles: UserRole[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/** No token needed (health, documentation, sign-in). Everything else requires a valid signed token. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));
