import { JourneyScenario } from '../../testing/journey-scenario.js';

const start = () => JourneyScenario.for('ucart-cd19-bcma', 'SLE');
const registration = { participantId: 'p-1', participantCode: 'TF-1', trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01', ageYears: 40 };
const consent = { icfVersion: '1.0', signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'inv-1' };

describe('site access', () => {
  it('refuses a registration at a site the person is not bound to, naming the field', () => {
    const decision = start().try({ type: 'RegisterParticipant', actor: { id: 'c-2', role: 'coordinator', sites: ['DEMO-02'] }, data: registration as never });
    expect(decision).toMatchObject({ ok: false, error: { code: 'SITE_NOT_ALLOWED', field: 'siteId' } });
  });

  it('accepts a registration at a site the person is bound to', () => {
    const decision = start().try({ type: 'RegisterParticipant', actor: { id: 'c-1', role: 'coordinator', sites: ['DEMO-01'] }, data: registration as never });
    expect(decision.ok).toBe(true);
  });

  it("refuses any command on another site's participant and accepts it from the participant's own site", () => {
    const s = start().register();
    const other = s.try({ type: 'SignConsent', actor: { id: 'c-2', role: 'coordinator', sites: ['DEMO-02', 'CN-BJ-GB'] }, data: { ...consent, signedOn: s.date() } as never });
    expect(other).toMatchObject({ ok: false, error: { code: 'SITE_NOT_ALLOWED', message: 'You are not bound to site DEMO-01.' } });
    const own = s.try({ type: 'SignConsent', actor: { id: 'c-1', role: 'coordinator', sites: ['DEMO-01'] }, data: { ...consent, signedOn: s.date() } as never });
    expect(own.ok).toBe(true);
  });
});
