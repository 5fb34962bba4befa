import { JourneyScenario } from '../../testing/journey-scenario.js';

const start = () => JourneyScenario.for('ucart-cd19-bcma', 'SLE');
const register = (s: JourneyScenario, data: Record<string, unknown> = {}) =>
  s.try({ type: 'RegisterParticipant', data: { participantId: 'p-1', participantCode: 'TF-1', trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01', ageYears: 40, ...data } as never });

describe('RegisterParticipant', () => {
  it('records the registration under the current protocol version, at the decision instant', () => {
    const decision = register(start());
    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'ParticipantRegistered', schemaVersion: 1, occurredAt: '2026-03-02T01:00:00.000Z', data: { participantId: 'p-1', participantCode: 'TF-1', trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01', ageYears: 40, protocolVersion: '1.0' } }],
    });
  });

  it.each([
    [{ trialId: 'nope' }, 'TRIAL_NOT_FOUND', 'trialId'],
    [{ cohortId: 'SLE_LN' }, 'COHORT_NOT_IN_TRIAL', 'cohortId'],
    [{ siteId: 'CN-BJ-GB' }, 'SITE_NOT_IN_TRIAL', 'siteId'],
    [{ ageYears: -1 }, 'INVALID_AGE', 'ageYears'],
    [{ ageYears: 30.5 }, 'INVALID_AGE', 'ageYears'],
  ])('rejects %o with %s on %s', (data, code, field) => {
    expect(register(start(), data)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('rejects a second registration of the same participant', () => {
    const s = start().register();
    expect(register(s)).toMatchObject({ ok: false, error: { code: 'PARTICIPANT_ALREADY_REGISTERED', field: 'participantCode' } });
  });
});

describe('SignConsent', () => {
  const consent = (s: JourneyScenario, data: Record<string, unknown> = {}) =>
    s.try({ type: 'SignConsent', data: { icfVersion: '1.0', signedOn: s.date(), signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'inv-1', ...data } as never });

  it('records the ICF version, signers and date, and opens the screening period', () => {
    const s = start().register();
    const decision = consent(s);
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'ConsentSigned', data: { icfVersion: '1.0', signedOn: '2026-03-02', entryId: 'cmd-2' } }] });
  });

  it.each([
    [{ icfVersion: '9.9' }, 'ICF_VERSION_UNKNOWN', 'icfVersion'],
    [{ signedOn: '2024-12-31' }, 'ICF_VERSION_NOT_APPROVED', 'icfVersion'],
    [{ signedOn: '2026-02-30' }, 'INVALID_DATE', 'signedOn'],
    [{ signedOn: '2026-03-09' }, 'DATE_IN_FUTURE', 'signedOn'],
    [{ signers: [{ role: 'INVESTIGATOR', name: 'Dr' }] }, 'PARTICIPANT_SIGNATURE_REQUIRED', 'signers'],
  ])('rejects %o with %s', (data, code, field) => {
    expect(consent(start().register(), data)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('requires a guardian and assent for a minor (trial 2 enrols from age 3)', () => {
    const s = JourneyScenario.for('cb-cd19-bcma', 'SLE_LN').register({ ageYears: 10 });
    expect(consent(s)).toMatchObject({ ok: false, error: { code: 'GUARDIAN_CONSENT_REQUIRED' } });
    expect(consent(s, { signers: [{ role: 'GUARDIAN', name: 'G' }], assent: true })).toMatchObject({ ok: true });
  });

  it('rejects consent before registration and a second consent', () => {
    expect(consent(start())).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } });
    expect(consent(start().register().consent())).toMatchObject({ ok: false, error: { code: 'CONSENT_ALREADY_SIGNED' } });
  });
});
