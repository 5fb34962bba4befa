import type { UserRole } from './roles.decorator.js';

/**
 * The people of the embedded default (AUTH_MODE=local): one `.a` and one `.b` user per role, so access by
 * role and by site can be tried out and tested. `.a` users are bound to DEMO-01 (trial ucart-cd19-bcma) and
 * CN-BJ-GB (trial cb-cd19-bcma), `.b` users to DEMO-02 (ucart-cd19-bcma). The password is public (README):
 * a deployment with real people uses its identity provider (AUTH_MODE=oidc), where these users do not exist.
 */
export const DEMO_PASSWORD = 'trialflow-demo';

export interface DemoUserSeed {
  readonly username: string;
  readonly name: string;
  readonly role: UserRole;
  readonly sites: readonly string[];
}

const SITES_A = ['DEMO-01', 'CN-BJ-GB'] as const;
const SITES_B = ['DEMO-02'] as const;

export const DEMO_USERS: readonly DemoUserSeed[] = [
  { username: 'coordinator.a', name: 'Li Na', role: 'coordinator', sites: SITES_A },
  { username: 'coordinator.b', name: 'Sofia Rossi', role: 'coordinator', sites: SITES_B },
  { username: 'investigator.a', name: 'Dr Wang Lei', role: 'investigator', sites: SITES_A },
  { username: 'investigator.b', name: 'Dr Anna Müller', role: 'investigator', sites: SITES_B },
  { username: 'auditor.a', name: 'Priya Nair', role: 'auditor', sites: SITES_A },
  { username: 'auditor.b', name: 'Tom Okafor', role: 'auditor', sites: SITES_B },
  { username: 'admin.a', name: 'Jun Sato', role: 'admin', sites: SITES_A },
  { username: 'admin.b', name: 'Maria Santos', role: 'admin', sites: SITES_B },
];
