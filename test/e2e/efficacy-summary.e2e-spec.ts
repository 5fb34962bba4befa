import type { DemoUser } from '../support/api-auth.js';
import { call } from '../support/http-journey.js';
import { startDemoSystem } from '../support/demo-system.js';
import type { RunningSystem } from '../support/running-system.js';

/**
 * The trial dashboard's "how many respond?" over HTTP, on the demo data: DEMO-U09 (SLE, DEMO-01) responds on
 * SLEDAI-2K at month 2, DEMO-U10 (MG, DEMO-02) on MG-ADL from week 4, DEMO-C09 (SLE_LN, CN-BJ-GB) at months 2
 * and 3. Each reader counts only their own sites.
 */
let system: RunningSystem;
const UCART = 'ucart-cd19-bcma';
const CB = 'cb-cd19-bcma';
/** Scored visits with a response call in the demo data: DEMO-U09 2, DEMO-U10 6, DEMO-C09 3. */
const DEMO_RESPONSE_CALLS = 11;

beforeAll(async () => {
  // Ready once every demo participant and every scored visit is projected.
  system = await startDemoSystem(async (running) => {
    const { rows } = await running.sql.query(
      `SELECT (SELECT count(*) FROM rm_participants)::int AS participants, (SELECT count(*) FROM rm_efficacy_results WHERE response IS NOT NULL)::int AS calls`,
    );
    return rows[0].participants >= 23 && rows[0].calls >= DEMO_RESPONSE_CALLS;
  });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const summary = async (as: DemoUser, trialId: string, siteId?: string) => {
  const answer = await call(system.baseUrl, as, 'GET', `/v1/trials/${trialId}/efficacy-summary${siteId ? `?siteId=${siteId}` : ''}`);
  return answer;
};
const brief = (lines: Record<string, unknown>[]) => lines.map((l) => `${l.cohortId} ${l.instrument} ${l.timepoint}: ${l.responders}/${l.assessed} (NR ${l.nonResponders}, NE ${l.notEvaluable}) Δ${l.medianChangeFromBaseline}`);

describe('GET /v1/trials/{trialId}/efficacy-summary (demo data → efficacy read model → response rates)', () => {
  it('gives a reader of DEMO-01 the SLE cohort’s SLEDAI-2K responses per visit (DEMO-U09), with the Wilson interval and the definition', async () => {
    const answer = await summary('coordinator.a', UCART);
    expect(answer.status).toBe(200);
    expect(answer.json.sites).toEqual(['DEMO-01', 'CN-BJ-GB']);
    expect(brief(answer.json.lines)).toEqual(['SLE SLEDAI-2K D28: 0/1 (NR 1, NE 0) Δ-2', 'SLE SLEDAI-2K M2: 1/1 (NR 0, NE 0) Δ-4']);
    expect(answer.json.lines[1]).toMatchObject({
      timepointLabel: expect.any(String),
      responseRate: 1,
      ci95: { lower: expect.closeTo(0.2065, 4), upper: 1 },
      responseDefinition: expect.stringMatching(/SLEDAI-2K/),
      responseAlgorithm: 'sri-4.sledai-component@1.0.0',
    });
    expect(answer.json.lines[0]).toMatchObject({ responseRate: 0, ci95: { lower: 0, upper: expect.closeTo(0.7935, 4) } });
  });

  it('counts DEMO-C09’s lupus nephritis responses in the other trial of the same reader', async () => {
    const answer = await summary('investigator.a', CB);
    expect(answer.status).toBe(200);
    // DEMO-C08's MRSS has no published response definition: it is not in the summary.
    expect(brief(answer.json.lines)).toEqual(['SLE_LN SLEDAI-2K D28: 0/1 (NR 1, NE 0) Δ-2', 'SLE_LN SLEDAI-2K M2: 1/1 (NR 0, NE 0) Δ-6', 'SLE_LN SLEDAI-2K M3: 1/1 (NR 0, NE 0) Δ-8']);
  });

  it('gives a reader of DEMO-02 only DEMO-U10’s MG-ADL responses: nothing of DEMO-01', async () => {
    const answer = await summary('investigator.b', UCART);
    expect(answer.status).toBe(200);
    expect(answer.json.sites).toEqual(['DEMO-02']);
    expect(brief(answer.json.lines)).toEqual([
      'MG MG-ADL D14: 0/1 (NR 1, NE 0) Δ-1',
      'MG MG-ADL D28: 1/1 (NR 0, NE 0) Δ-2',
      'MG MG-ADL M2: 1/1 (NR 0, NE 0) Δ-3',
      'MG MG-ADL M3: 1/1 (NR 0, NE 0) Δ-4',
      'MG MG-ADL M6: 1/1 (NR 0, NE 0) Δ-4',
      'MG MG-ADL M9: 1/1 (NR 0, NE 0) Δ-5',
    ]);
    expect((await summary('investigator.b', CB)).json.lines).toEqual([]);
  });

  it('narrows to one of the reader’s sites, refuses another site (403) and a malformed trial id (400 naming it)', async () => {
    expect((await summary('coordinator.a', UCART, 'CN-BJ-GB')).json).toMatchObject({ sites: ['CN-BJ-GB'], lines: [] });
    const other = await summary('coordinator.a', UCART, 'DEMO-02');
    expect(other.status).toBe(403);
    expect(other.json.code).toBe('SITE_NOT_ALLOWED');
    const malformed = await summary('coordinator.a', 'Not_A_Trial');
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors.map((e: { field: string }) => e.field)).toEqual(['trialId']);
  });
});
