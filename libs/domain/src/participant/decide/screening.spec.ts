import { investigatorActor, JourneyScenario } from '../../testing/journey-scenario.js';

const consented = () => JourneyScenario.for('ucart-cd19-bcma', 'SLE').register().consent();
const observe = (s: JourneyScenario, data: Record<string, unknown>) =>
  s.try({ type: 'RecordScreeningObservation', data: { code: 'ANC', value: 1.5, unit: '10^9/L', observedOn: s.date(), source: 'local lab', ...data } as never });

describe('RecordScreeningObservation', () => {
  it('records the raw value with unit, date and source in the current episode', () => {
    expect(observe(consented(), {})).toMatchObject({ ok: true, events: [{ type: 'ScreeningObservationRecorded', data: { code: 'ANC', value: 1.5, unit: '10^9/L', observedOn: '2026-03-02', source: 'local lab', episode: 1 } }] });
  });

  it('refuses any study procedure before consent (ICH E6 4.8.8)', () => {
    expect(observe(JourneyScenario.for('ucart-cd19-bcma', 'SLE').register(), {})).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
  });

  it.each([
    [{ code: ' ' }, 'INVALID_OBSERVATION', 'code'],
    [{ value: Number.NaN }, 'INVALID_OBSERVATION', 'value'],
    [{ source: '' }, 'INVALID_OBSERVATION', 'source'],
    [{ observedOn: '02/03/2026' }, 'INVALID_DATE', 'observedOn'],
    [{ observedOn: '2027-01-01' }, 'DATE_IN_FUTURE', 'observedOn'],
  ])('rejects %o with %s', (data, code, field) => {
    expect(observe(consented(), data)).toMatchObject({ ok: false, error: { code, field } });
  });

  it("refuses a date that is tomorrow at the site, though not yet a day ahead of UTC (the site's clock decides)", () => {
    // 01:00 UTC on 2 March is 09:00 on 2 March at the site (UTC+8): 3 March is tomorrow there.
    const s = consented();
    expect(s.date()).toBe('2026-03-02');
    expect(observe(s, { observedOn: '2026-03-03' })).toMatchObject({ ok: false, error: { code: 'DATE_IN_FUTURE', field: 'observedOn' } });
    expect(observe(s, { observedOn: '2026-03-02' }).ok).toBe(true);
  });
});

describe('AttestEligibilityCriterion', () => {
  it('records an investigator attestation of a criterion of the cohort', () => {
    const s = consented();
    expect(s.try({ type: 'AttestEligibilityCriterion', actor: investigatorActor, data: { criterionCode: 'REFRACTORY', attested: true } })).toMatchObject({ ok: true, events: [{ type: 'EligibilityAttested' }] });
  });

  it('accepts attestations from investigators only, and only for attestation criteria of the cohort', () => {
    const s = consented();
    expect(s.try({ type: 'AttestEligibilityCriterion', data: { criterionCode: 'REFRACTORY', attested: true } })).toMatchObject({ ok: false, error: { code: 'INVESTIGATOR_REQUIRED' } });
    expect(s.try({ type: 'AttestEligibilityCriterion', actor: investigatorActor, data: { criterionCode: 'LN_BIOPSY', attested: true } })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CRITERION', field: 'criterionCode' } });
  });
});

describe('EvaluateEligibility', () => {
  const outcome = (s: JourneyScenario, criterionId: string) => {
    const decision = s.try({ type: 'EvaluateEligibility', data: {} });
    if (!decision.ok || decision.events[0]?.type !== 'EligibilityEvaluated') throw new Error('not evaluated');
    return { eligible: decision.events[0].data.eligible, result: decision.events[0].data.results.find((r) => r.criterionId === criterionId) };
  };

  it('is eligible when every criterion is met, citing the observation each result rests on', () => {
    const s = consented().satisfyCriteria();
    const { eligible, result } = outcome(s, 'anc');
    expect(eligible).toBe(true);
    expect(result).toMatchObject({ outcome: 'MET', basedOn: { value: 1, unit: '10^9/L', observedOn: '2026-03-02' } });
  });

  it('counts a missing value as not eligible (MISSING), never as a pass', () => {
    const s = consented();
    expect(outcome(s, 'anc')).toEqual({ eligible: false, result: { criterionId: 'anc', criterionVersion: 1, outcome: 'MISSING' } });
  });

  it('treats the value just below the threshold as NOT_MET and a value in another unit as UNIT_MISMATCH', () => {
    const s = consented().satisfyCriteria();
    observe(s, {});
    s.run({ type: 'RecordScreeningObservation', data: { code: 'ANC', value: 0.99, unit: '10^9/L', observedOn: s.date(), source: 'lab' } });
    expect(outcome(s, 'anc').result?.outcome).toBe('NOT_MET');
    s.run({ type: 'RecordScreeningObservation', data: { code: 'HAEMOGLOBIN', value: 9, unit: 'g/dL', observedOn: s.date(), source: 'lab' } });
    expect(outcome(s, 'haemoglobin').result?.outcome).toBe('UNIT_MISMATCH');
  });

  it('marks a lab older than the criterion allows as OUT_OF_DATE (labs within 7 days)', () => {
    const s = consented().satisfyCriteria();
    s.advanceDays(8);
    expect(outcome(s, 'anc').result?.outcome).toBe('OUT_OF_DATE');
  });

  it('evaluates "any of" criteria part by part (trial 2 serology: ANA or anti-dsDNA)', () => {
    const s = JourneyScenario.for('cb-cd19-bcma', 'SLE_LN').register().consent();
    s.run({ type: 'RecordScreeningObservation', data: { code: 'ANTI_DSDNA', value: 45, unit: 'IU/mL', observedOn: s.date(), source: 'lab' } });
    expect(outcome(s, 'serology').result).toMatchObject({ outcome: 'MET', parts: [{ criterionId: 'ana', outcome: 'MISSING' }, { criterionId: 'anti-dsdna', outcome: 'MET' }] });
  });

  it('applies the protocol age range (trial 2 minimum age 3, conflict 1)', () => {
    const child = JourneyScenario.for('cb-cd19-bcma', 'SLE_LN').register({ ageYears: 3 }).consent();
    expect(outcome(child, 'age').result?.outcome).toBe('MET');
    const tooYoung = JourneyScenario.for('cb-cd19-bcma', 'SLE_LN').register({ ageYears: 2 }).consent();
    expect(outcome(tooYoung, 'age').result?.outcome).toBe('NOT_MET');
  });
});

describe('SignEligibility', () => {
  const evaluated = () => {
    const s = consented().satisfyCriteria();
    s.run({ type: 'EvaluateEligibility', data: {} });
    return s;
  };
  const sign = (s: JourneyScenario, data: Record<string, unknown> = {}, actor = investigatorActor) =>
    s.try({ type: 'SignEligibility', actor, data: { meaning: 'I confirm eligibility', recordHash: s.state.screening.evaluation?.recordHash ?? '', reauthenticated: true, ...data } as never });

  it('records the signature: signer, meaning, time and the hash of the evaluation signed', () => {
    const s = evaluated();
    const hash = s.state.screening.evaluation!.recordHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sign(s)).toMatchObject({ ok: true, events: [{ type: 'EligibilitySigned', data: { signature: { signer: investigatorActor, meaning: 'I confirm eligibility', signedAt: '2026-03-02T01:00:00.000Z', recordHash: hash } } }] });
  });

  it.each([
    ['a coordinator', {}, { id: 'c', role: 'coordinator' as const }, 'INVESTIGATOR_REQUIRED'],
    ['without re-authentication', { reauthenticated: false }, investigatorActor, 'REAUTHENTICATION_REQUIRED'],
    ['without a meaning', { meaning: '' }, investigatorActor, 'SIGNATURE_MEANING_REQUIRED'],
    ['a different record than displayed', { recordHash: '0'.repeat(64) }, investigatorActor, 'RECORD_CHANGED_SINCE_DISPLAYED'],
  ])('refuses %s', (_label, data, actor, code) => {
    expect(sign(evaluated(), data, actor)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses to sign before evaluation, an ineligible evaluation, or twice', () => {
    expect(sign(consented())).toMatchObject({ ok: false, error: { code: 'ELIGIBILITY_NOT_EVALUATED' } });
    const failing = consented();
    failing.run({ type: 'EvaluateEligibility', data: {} });
    expect(sign(failing)).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    const signed = evaluated();
    signed.run({ type: 'SignEligibility', actor: investigatorActor, data: { meaning: 'I confirm eligibility', recordHash: signed.state.screening.evaluation!.recordHash, reauthenticated: true } });
    expect(sign(signed)).toMatchObject({ ok: false, error: { code: 'ELIGIBILITY_ALREADY_SIGNED' } });
  });

  it('invalidates the evaluation and signature when a screening value is corrected before enrolment', () => {
    const s = evaluated();
    const anc = s.state.screening.observations.find((o) => o.value.code === 'ANC')!;
    s.run({ type: 'CorrectEntry', data: { entryId: anc.entryId, changes: { value: 2.1 }, reason: 'Transcription error' } });
    expect(s.state.screening.evaluation).toBeUndefined();
    expect(sign(s)).toMatchObject({ ok: false, error: { code: 'ELIGIBILITY_NOT_EVALUATED' } });
  });
});

describe('FailScreening and StartRescreening', () => {
  it('records a screen failure with the criteria not met, then a new screening episode that starts empty', () => {
    const s = consented();
    s.run({ type: 'EvaluateEligibility', data: {} });
    const [failed] = s.run({ type: 'FailScreening', data: { reason: 'ANC too low' } });
    expect(failed).toMatchObject({ type: 'ScreenFailed', data: { episode: 1, failedCriteria: expect.arrayContaining(['anc', 'ecog']) } });
    expect(s.state.phase).toBe('SCREEN_FAILED');
    expect(s.try({ type: 'RecordScreeningObservation', data: { code: 'ANC', value: 2, unit: '10^9/L', observedOn: s.date(), source: 'lab' } })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCREENING' } });

    const [restarted] = s.run({ type: 'StartRescreening', data: { reason: 'G-CSF washout complete' } });
    expect(restarted).toMatchObject({ type: 'RescreeningStarted', data: { episode: 2 } });
    expect(s.state).toMatchObject({ phase: 'SCREENING', screening: { episode: 2, observations: [] } });
    // The first episode's events stay in the stream for the audit trail.
    expect(s.events.filter((e) => e.type === 'ScreenFailed')).toHaveLength(1);
  });

  it('limits re-screening to the protocol maximum and requires a reason', () => {
    const s = consented();
    expect(s.try({ type: 'FailScreening', data: { reason: '' } })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    expect(s.try({ type: 'StartRescreening', data: { reason: 'again' } })).toMatchObject({ ok: false, error: { code: 'NOT_SCREEN_FAILED' } });
    s.run({ type: 'FailScreening', data: { reason: 'failed once' } });
    s.run({ type: 'StartRescreening', data: { reason: 'second chance' } });
    s.run({ type: 'FailScreening', data: { reason: 'failed twice' } });
    expect(s.try({ type: 'StartRescreening', data: { reason: 'third chance' } })).toMatchObject({ ok: false, error: { code: 'RESCREENING_LIMIT_REACHED' } });
  });
});
