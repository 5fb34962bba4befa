import { domainProblem } from './command-errors.js';

describe('domain refusals as problem details', () => {
  it('answers 403 when the journey refuses who is asking (site binding, investigator-only decisions)', () => {
    const site = domainProblem({ code: 'SITE_NOT_ALLOWED', message: 'You are not bound to site DEMO-01.', field: 'siteId' });
    expect(site.problem).toMatchObject({ status: 403, code: 'SITE_NOT_ALLOWED', title: 'Not allowed for this site', errors: [{ field: 'siteId' }] });
    expect(domainProblem({ code: 'INVESTIGATOR_REQUIRED', message: 'Only an investigator can sign this decision.' }).problem).toMatchObject({ status: 403, code: 'INVESTIGATOR_REQUIRED' });
  });

  it('keeps 404, 409 and 422 for what is asked', () => {
    expect(domainProblem({ code: 'TRIAL_NOT_FOUND', message: 'x' }).problem.status).toBe(404);
    expect(domainProblem({ code: 'PARTICIPANT_ALREADY_REGISTERED', message: 'x' }).problem.status).toBe(409);
    expect(domainProblem({ code: 'COHORT_NOT_IN_TRIAL', message: 'x' }).problem).toMatchObject({ status: 422, title: 'A protocol rule forbids this' });
  });

  it("answers 503 with Retry-After while the journey store is behind, and 500 when the store refused the journey for good", () => {
    const behind = domainProblem({ code: 'STORE_BEHIND', message: 'The event store is 50 events behind this journey; try again shortly.' });
    expect(behind.problem).toMatchObject({ status: 503, code: 'STORE_BEHIND' });
    expect(behind.headers['Retry-After']).toBe('5');
    expect(domainProblem({ code: 'JOURNEY_WRITE_FAILED', message: 'refused' }).problem).toMatchObject({ status: 500, code: 'JOURNEY_WRITE_FAILED' });
  });
});
