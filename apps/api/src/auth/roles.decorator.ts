import { SetMetadata } from '@nestjs/common';
import type { ActorRole } from '@trialflow/domain';

/** Roles a person can hold (the orchestrator's own `system` role is never given to a person). */
export type UserRole = Exclude<ActorRole, 'system'>;

export const ROLES_KEY = 'trialflow:roles';
export const PUBLIC_KEY = 'trialflow:public';

/** Which roles may call the endpoint; the authentication guard answers 403 to any other role. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health, documentation, sign-in). Everything else requires a valid signed token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
