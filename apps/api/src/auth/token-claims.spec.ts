import { ProblemException } from '../http/problem.js';
import { LOCAL_CLAIMS, userFromClaims } from './token-claims.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (error) {
    return error instanceof ProblemException ? `${error.problem.status} ${error.problem.code}` : String(error);
  }
};

describe('the user a token speaks for', () => {
  it('takes id, name, role, sites and auth_time from the local claims', () => {
    expect(userFromClaims({ sub: 'investigator.a', name: 'Dr Wang Lei', trialflow_role: 'investigator', trialflow_sites: ['DEMO-01', 'CN-BJ-GB'], auth_time: 1700000000 }, LOCAL_CLAIMS)).toEqual({
      id: 'investigator.a',
      name: 'Dr Wang Lei',
      role: 'investigator',
      sites: ['DEMO-01', 'CN-BJ-GB'],
      authTime: 1700000000,
    });
  });

  it('reads provider claims by dotted path or namespaced name, roles from a list, sites from a string', () => {
    const names = { role: 'realm_access.roles', sites: 'https://trialflow.example/sites', name: 'preferred_username' };
    const user = userFromClaims({ sub: 'u-1', realm_access: { roles: ['offline_access', 'auditor'] }, 'https://trialflow.example/sites': 'DEMO-01, DEMO-02', preferred_username: 'pnair' }, names);
    expect(user).toEqual({ id: 'u-1', name: 'pnair', role: 'auditor', sites: ['DEMO-01', 'DEMO-02'] });
  });

  it('refuses a token with no trialflow role, or two of them (403), and one with no subject (401)', () => {
    expect(codeOf(() => userFromClaims({ sub: 'x', trialflow_role: 'system', trialflow_sites: [] }, LOCAL_CLAIMS))).toBe('403 ROLE_NOT_ALLOWED');
    expect(codeOf(() => userFromClaims({ sub: 'x', trialflow_role: ['admin', 'coordinator'] }, LOCAL_CLAIMS))).toBe('403 ROLE_NOT_ALLOWED');
    expect(codeOf(() => userFromClaims({ trialflow_role: 'admin' }, LOCAL_CLAIMS))).toBe('401 UNAUTHENTICATED');
  });

  it('binds a user without a sites claim to no site at all (sees nothing), never to every site', () => {
    expect(userFromClaims({ sub: 'x', trialflow_role: 'coordinator' }, LOCAL_CLAIMS).sites).toEqual([]);
  });
});
