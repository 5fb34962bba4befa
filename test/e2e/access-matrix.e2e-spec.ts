import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../apps/api/src/auth/roles.decorator.js';
import { authHeader, DEMO_PASSWORD, DEMO_USER_SITES, DEMO_USERS, signIn, type DemoUser } from '../support/api-auth.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';
import { sampleOf } from '../support/schema-sample.js';

/**
 * Every operation of the served OpenAPI document × every role × own site / other site, against the
 * expected access policy below. An operation missing from the table fails the test: a new endpoint cannot
 * ship without someone deciding, here, who may call it.
 *
 * The policy (README "Users and sign-in"):
 * - coordinators run every journey command of their sites except the investigator's decisions;
 * - investigators run everything coordinators can, plus the e-signed decisions (eligibility attestation
 *   and sign-off, DLT adjudication);
 * - auditors read everything of their sites, audit trail and exports included, and write nothing
 *   (an auditor must not be able to alter what they audit); exports are for auditors, admins and
 *   investigators, not coordinators;
 * - admins read everything of their sites and run no clinical command (they manage users and
 *   configuration, not participants); they import a participant's records from a legacy source at their
 *   sites, attesting the import (each entry keeps the actor who made it at the source);
 * - site scoping: a request naming a site the user is not bound to is 403 SITE_NOT_ALLOWED; a participant
 *   of another site is 404 PARTICIPANT_NOT_FOUND (its existence is not revealed), for reads and commands
 *   alike; lists and trial-wide views only ever contain the user's own sites.
 */
const ALL: readonly UserRole[] = ['coordinator', 'investigator', 'auditor', 'admin'];
const WRITERS: readonly UserRole[] = ['coordinator', 'investigator'];
const INVESTIGATOR: readonly UserRole[] = ['investigator'];
const EXPORTERS: readonly UserRole[] = ['investigator', 'auditor', 'admin'];
const ADMIN: readonly UserRole[] = ['admin'];

/**
 * How the "other site" case is put to an operation:
 * - public: no token needed at all;
 * - user: about the caller only, no site involved;
 * - participant: `{participantId}` of another site's participant → 404;
 * - register: the body names another site (registration, import) → 403 SITE_NOT_ALLOWED;
 * - list: `?siteId=` another site → 403 SITE_NOT_ALLOWED (and unfiltered, nothing of another site);
 * - scoped: no site in the request; the answer must contain nothing of another site.
 */
type Scope = 'public' | 'user' | 'participant' | 'register' | 'list' | 'scoped';

interface Policy {
  readonly roles: readonly UserRole[] | 'public';
  readonly scope: Scope;
  /** Body fields the schema sample cannot guess (so the request passes validation). */
  readonly body?: Record<string, unknown>;
  /** Query parameters to send (e.g. one SDTM domain as CSV rather than a zip the checks cannot read). */
  readonly query?: Record<string, string>;
  /** The answer must show the user's own participant: proves the "nothing of another site" check is not vacuous. */
  readonly showsOwn?: true;
}

const command = (roles: readonly UserRole[] = WRITERS, body?: Record<string, unknown>): Policy => ({ roles, scope: 'participant', ...(body ? { body } : {}) });
const read = (scope: Scope): Policy => ({ roles: ALL, scope });
const open: Policy = { roles: 'public', scope: 'public' };

const POLICY: Readonly<Record<string, Policy>> = {
  // Operations and authentication
  HealthController_live: open,
  HealthController_ready: open,
  issueToken: open,
  getJwks: open,
  getCurrentUser: read('user'),

  // Registration and journey commands
  registerParticipant: { roles: WRITERS, scope: 'register' },
  // Migrating a participant's records from a legacy source: admins of the participant's site, who attest it.
  importParticipant: { roles: ADMIN, scope: 'register' },
  signConsent: command(),
  recordScreeningObservation: command(),
  attestEligibilityCriterion: command(INVESTIGATOR),
  evaluateEligibility: command(),
  signEligibility: command(INVESTIGATOR),
  failScreening: command(),
  startRescreening: command(),
  enrol: command(),
  recordMedicationStop: command(),
  recordLymphodepletionDoseCalculation: command(),
  administerLymphodepletionDose: command(),
  recordPreInfusionCheck: command(),
  allocateProductLot: command(),
  startThaw: command(),
  recordInfusion: command(),
  reportAdverseEvent: command(),
  reportSaeToSponsor: command(),
  assessCrs: command(),
  assessIcans: command(),
  flagDltCandidate: command(),
  adjudicateDlt: command(INVESTIGATOR),
  completeVisit: command(),
  recordEfficacyAssessment: command(),
  recordUnscheduledVisit: command(),
  confirmDeviation: command(),
  dismissDeviation: command(),
  correctEntry: command(WRITERS, { changes: { grade: 2 } }),
  voidEntry: command(),
  withdraw: command(),
  markLostToFollowUp: command(),
  recordDeath: command(),
  completeStudy: command(),

  // Queries
  getParticipant: { ...read('participant'), showsOwn: true },
  getEligibilityEvaluation: read('participant'),
  listParticipants: { ...read('list'), showsOwn: true },
  getWorklist: read('list'),
  listDeviations: read('list'),
  getSafetyBoard: read('list'),
  listSafetyEntries: read('list'),
  listEfficacyResults: read('list'),
  getEfficacySummary: read('list'),
  // Reference data: the trials and protocols of the user's sites (other sites left out of the answer)
  listTrials: read('scoped'),
  getTrialProtocol: read('scoped'),

  // Audit: every role reads the trail of its sites' participants
  getParticipantTimeline: { ...read('participant'), showsOwn: true },
  getParticipantStateAsOf: read('participant'),
  verifyParticipantRecord: read('participant'),
  // Exports hand the whole record over (21 CFR 11.10(b)): auditors, admins and investigators; coordinators,
  // who work on the record, do not export it. A trial's export covers the user's own sites only.
  exportParticipantOdm: { roles: EXPORTERS, scope: 'participant' },
  exportParticipantSdtm: { roles: EXPORTERS, scope: 'participant', query: { domain: 'DM' }, showsOwn: true },
  exportTrialOdm: { roles: EXPORTERS, scope: 'scoped', showsOwn: true },
  exportTrialSdtm: { roles: EXPORTERS, scope: 'scoped', query: { domain: 'DM' }, showsOwn: true },
};

interface Operation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly spec: Record<string, any>;
}

let system: RunningSystem;
let document: Record<string, any>;
let operations: Operation[];
const tokens = new Map<DemoUser, string>();
/** One participant per site group: `.a` users' own is at DEMO-01, `.b` users' own at DEMO-02. */
const participants: Record<'a' | 'b', { id: string; code: string }> = { a: { id: '', code: '' }, b: { id: '', code: '' } };
const OWN_SITE = { a: 'DEMO-01', b: 'DEMO-02' } as const;
const TRIAL = 'ucart-cd19-bcma';

beforeAll(async () => {
  system = await startSystem();
  for (const user of DEMO_USERS) tokens.set(user, await signIn(system.baseUrl, user));
  for (const group of ['a', 'b'] as const) {
    const code = `MX-${group.toUpperCase()}-${randomUUID().slice(0, 8).toUpperCase()}`;
    const response = await fetch(`${system.baseUrl}/v1/trials/${TRIAL}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader(tokens.get(`coordinator.${group}`)!) },
      body: JSON.stringify({ commandId: randomUUID(), participantCode: code, cohortId: 'SLE', siteId: OWN_SITE[group], ageYears: 35, sex: 'F' }),
    });
    const body = (await response.json()) as any;
    if (response.status !== 201) throw new Error(`set-up registration failed: ${response.status} ${JSON.stringify(body)}`);
    participants[group] = { id: body.summary.participantId, code };
    // Wait until the read models know the participant, so reads see it.
    await fetch(`${system.baseUrl}/v1/participants/${body.summary.participantId}?minVersion=1`, { headers: authHeader(tokens.get(`coordinator.${group}`)!) });
  }
  document = (await (await fetch(`${system.baseUrl}/docs/openapi.json`)).json()) as Record<string, any>;
  operations = Object.entries<Record<string, any>>(document.paths).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete']
      .filter((method) => item[method])
      .map((method) => ({ id: String(item[method].operationId), method: method.toUpperCase(), path, spec: item[method] })),
  );
});

afterAll(async () => {
  await system?.stop();
});

interface Attempt {
  readonly user?: DemoUser;
  readonly site: 'own' | 'other';
}

/** The request an attempt sends: path and query filled in, a body that passes validation. */
function requestFor(operation: Operation, policy: Policy, attempt: Attempt): { url: string; init: RequestInit } {
  const group = attempt.user ? (attempt.user.endsWith('.a') ? 'a' : 'b') : 'a';
  const target = attempt.site === 'own' ? group : group === 'a' ? 'b' : 'a';
  const targetSite = OWN_SITE[target];
  let path = operation.path;
  const query = new URLSearchParams(policy.query);
  for (const parameter of (operation.spec.parameters ?? []) as Record<string, any>[]) {
    const value =
      parameter.name === 'participantId' ? participants[target].id
      : parameter.name === 'trialId' ? TRIAL
      : parameter.name === 'siteId' && policy.scope === 'list' ? (attempt.site === 'other' ? targetSite : undefined)
      : parameter.required ? String(sampleOf(parameter.schema ?? { type: 'string' }, document))
      : undefined;
    if (value === undefined) continue;
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    if (parameter.in === 'query') query.set(parameter.name, value);
  }
  const bodySchema = operation.spec.requestBody?.content?.['application/json']?.schema;
  const overrides: Record<string, unknown> = {
    commandId: randomUUID(),
    // E-signatures: the right password, so an allowed signer is never refused for it (nor locked out).
    password: DEMO_PASSWORD,
    ...(operation.id === 'registerParticipant' || operation.id === 'importParticipant' ? { participantCode: `MX-${randomUUID().slice(0, 8).toUpperCase()}`, cohortId: 'SLE', siteId: targetSite } : {}),
    ...(operation.id === 'importParticipant' ? { importId: randomUUID() } : {}),
    ...(operation.id === 'issueToken' ? { username: 'auditor.a' } : {}),
    ...policy.body,
  };
  const body = bodySchema ? sampleOf(bodySchema, document, overrides) : undefined;
  return {
    url: `${system.baseUrl}${path}${query.size > 0 ? `?${query}` : ''}`,
    init: {
      method: operation.method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(attempt.user ? authHeader(tokens.get(attempt.user)!) : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
  };
}

/** What the policy says the attempt must get: 'allowed' (anything but 401/403) or an exact refusal. */
function expectation(policy: Policy, attempt: Attempt): string {
  if (policy.roles === 'public') return 'allowed';
  if (!attempt.user) return '401 UNAUTHENTICATED';
  const role = attempt.user.split('.')[0] as UserRole;
  if (!policy.roles.includes(role)) return '403 ROLE_NOT_ALLOWED';
  if (attempt.site === 'own') return 'allowed';
  switch (policy.scope) {
    case 'participant':
      return '404 PARTICIPANT_NOT_FOUND';
    case 'register':
    case 'list':
      return '403 SITE_NOT_ALLOWED';
    default:
      return 'allowed';
  }
}

describe('access matrix: every operation × role × own/other site', () => {
  it('has an expected policy for every operation the API serves, and none for operations it does not', () => {
    const served = operations.map((o) => o.id);
    expect(served.filter((id) => !(id in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((id) => !served.includes(id))).toEqual([]);
  });

  it('documents in the OpenAPI document (security, x-roles) exactly the policy of the table', () => {
    const documented = operations.map((o) => [o.id, o.spec['x-public'] === true ? 'public' : [...(o.spec['x-roles'] ?? [])].sort().join(',')]);
    const expected = operations.map((o) => {
      const roles = POLICY[o.id]?.roles;
      return [o.id, roles === 'public' ? 'public' : [...(roles ?? [])].sort().join(',')];
    });
    expect(documented).toEqual(expected);
  });

  it('answers every attempt as the policy says, and never shows anything of another site', async () => {
    const mismatches: string[] = [];
    const others = { a: participants.b, b: participants.a };
    const attempts: Attempt[] = [{ site: 'own' }, ...DEMO_USERS.flatMap((user) => (['own', 'other'] as const).map((site) => ({ user, site })))];
    for (const operation of operations) {
      const policy = POLICY[operation.id];
      if (!policy) continue; // reported by the first test
      for (const attempt of attempts) {
        if (!attempt.user && attempt.site === 'other') continue;
        const { url, init } = requestFor(operation, policy, attempt);
        const response = await fetch(url, init);
        const text = await response.text();
        let code = '';
        try {
          code = String(JSON.parse(text).code ?? '');
        } catch {
          code = '';
        }
        const expected = expectation(policy, attempt);
        const actual = `${response.status} ${code}`.trim();
        const ok = expected === 'allowed' ? response.status !== 401 && response.status !== 403 : actual === expected;
        const who = `${operation.id} as ${attempt.user ?? 'nobody'} (${attempt.site} site)`;
        if (!ok) mismatches.push(`${who}: expected ${expected}, got ${actual} ${text.slice(0, 200)}`);
        // Whatever a user may read, it never includes a participant of a site they are not bound to.
        if (attempt.user && expected === 'allowed' && response.status < 300) {
          const group = attempt.user.endsWith('.a') ? 'a' : 'b';
          const other = others[group];
          if (text.includes(other.id) || text.includes(other.code)) mismatches.push(`${who}: the answer shows a participant of another site`);
          const own = participants[group];
          if (policy.showsOwn && attempt.site === 'own' && !text.includes(own.id) && !text.includes(own.code)) mismatches.push(`${who}: the answer does not show the user's own participant`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** The table's "own site" participant for each group must really belong to that group's sites. */
describe('the demo users the matrix relies on', () => {
  it('are bound to the sites the matrix assumes', () => {
    expect(DEMO_USER_SITES.a).toContain(OWN_SITE.a);
    expect(DEMO_USER_SITES.b).toEqual([OWN_SITE.b]);
  });
});
