import { DEMO_PASSWORD, type DemoUser } from '../support/api-auth.js';
import { call, HttpJourney, recordedBy } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});

afterAll(async () => {
  await system?.stop();
});

/**
 * Sends one command endpoint and checks what every success answers (200, the new stream version as body and
 * ETag, the participant summary) and what it recorded: the event types, attributed to the signed-in user.
 */
async function step(journey: HttpJourney, path: string, body: Record<string, unknown>, recorded: string[], as: DemoUser = journey.coordinator) {
  const before = journey.version;
  const answer = await journey.send(path, body, as);
  expect({ path, status: answer.status, body: answer.status === 200 ? undefined : answer.json }).toEqual({ path, status: 200, body: undefined });
  expect(answer.json.streamVersion).toBeGreaterThan(before);
  expect(answer.headers.get('etag')).toBe(`"${answer.json.streamVersion}"`);
  expect(answer.json.summary).toMatchObject({ participantId: journey.participantId, participantCode: journey.participantCode, streamVersion: answer.json.streamVersion });
  const events = await recordedBy(system.sql, journey.participantId, answer.commandId, answer.json.streamVersion);
  expect({ path, types: events.map((e) => e.type).slice(0, recorded.length) }).toEqual({ path, types: recorded });
  expect(events.every((e) => e.actor.id === as)).toBe(true);
  return answer;
}

describe('journey command endpoints over HTTP (API → Update → journey → event store)', () => {
  it('takes a participant from consent to study completion through every treatment, safety and record command', async () => {
    const j = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-01');
    await j.register();

    await step(j, 'consent', j.consentBody(), ['ConsentSigned']);
    const simple = j.cohort.eligibility.flatMap((c) => (c.rule === 'anyOf' ? [c.criteria[0]!] : [c]));
    const attestation = simple.find((c) => c.rule === 'attestation')!;
    await step(j, 'screening/attestations', { criterionCode: attestation.code, attested: true, note: 'Seen in the referral letter' }, ['EligibilityAttested'], 'investigator.a');
    const measured = simple.find((c) => c.rule !== 'attestation' && c.code === 'SLEDAI_2K')!;
    await step(j, 'screening/observations', { code: measured.code, value: 12, unit: 'score', observedOn: j.today(), source: 'local lab' }, ['ScreeningObservationRecorded']);
    await j.satisfyCriteria();
    const evaluated = await step(j, 'screening/evaluation', {}, ['EligibilityEvaluated']);
    expect(evaluated.json.summary.phase).toBe('SCREENING');

    const shown = await call(system.baseUrl, 'investigator.a', 'GET', `/v1/participants/${j.participantId}/eligibility-evaluation?minVersion=${j.version}`);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({ eligible: true, episode: 1, cohortId: 'SLE', signature: null, recordHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await step(j, 'screening/signature', { meaning: 'I confirm the participant is eligible', recordHash: shown.json.recordHash, password: DEMO_PASSWORD }, ['EligibilitySigned'], 'investigator.a');
    const signed = await call(system.baseUrl, 'coordinator.a', 'GET', `/v1/participants/${j.participantId}/eligibility-evaluation?minVersion=${j.version}`);
    expect(signed.json.signature).toMatchObject({ signer: { id: 'investigator.a', name: expect.any(String), role: 'investigator' }, meaning: 'I confirm the participant is eligible', recordHash: shown.json.recordHash });

    expect((await step(j, 'enrolment', { doseLevelId: 'DL1' }, ['Enrolled'])).json.summary.phase).toBe('ENROLLED');
    await step(j, 'medication-stops', { drugClass: j.protocol.washout.classes[2]!.drugClass, drugName: 'mycophenolate', lastDoseOn: j.today(-40) }, ['MedicationStopped']);
    await step(j, 'product-lot', { lotId: 'LOT-42', bagIds: ['BAG-1'], carPositiveCellsPerBag: 6e7 }, ['ProductLotAllocated']);
    await step(j, 'lymphodepletion/calculation', { height: { value: 160, unit: 'cm' }, weight: { value: 60, unit: 'kg' }, serumCreatinine: { value: 70.7, unit: 'µmol/L' }, measuredOn: j.today(-4) }, [
      'LymphodepletionDosesCalculated',
    ]);
    const { rows } = await system.sql.query(`SELECT data->'doses' AS doses FROM events WHERE stream_id = $1 AND event_type = 'LymphodepletionDosesCalculated'`, [`participant-${j.participantId}`]);
    const doses = rows[0].doses as { drug: string; day: number; doseMg: number }[];
    expect(doses.map((d) => d.day).sort()).toEqual([-3, -3, -4, -4, -5, -5]);
    for (const [i, dose] of doses.entries()) {
      const last = i === doses.length - 1;
      const answer = await step(j, 'lymphodepletion/doses', { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: j.ago((-2 - dose.day) * 24 * 60 + 60) }, [
        'LymphodepletionDoseAdministered',
        ...(last ? ['LymphodepletionCompleted'] : []),
      ]);
      expect(answer.json.summary.phase).toBe(last ? 'AWAITING_INFUSION' : 'LYMPHODEPLETION');
    }
    await step(j, 'pre-infusion-check', { items: { afebrile: true, noActiveInfection: true, labsWithin7Days: true, tocilizumabAvailable: true } }, ['PreInfusionCheckRecorded']);
    await step(j, 'thaw', { bagIds: ['BAG-1'], startedAt: j.ago(40) }, ['ProductThawStarted']);
    const infused = await step(j, 'infusion', { startedAt: j.ago(30), completedAt: j.ago(15), carPositiveCellsInfused: 6e7, weightKg: 60 }, ['InfusionCompleted']);
    expect(infused.json.summary).toMatchObject({ phase: 'DLT_WINDOW', infusionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const ae = await step(j, 'adverse-events', { aeId: 'AE-1', term: 'Lung infection', grade: 3, serious: true, causality: 'POSSIBLE', onsetOn: j.today(), awareAt: j.ago(10) }, ['AdverseEventReported']);
    await step(j, 'sae-reports', { aeId: 'AE-1', reportedAt: j.ago(5) }, ['SaeReportedToSponsor']);
    await step(j, 'crs-assessments', { assessedAt: j.ago(4), parameters: { temperature: { value: 38.6, unit: '°C' }, hypotension: 'none', oxygen: { device: 'nasal-cannula', flow: { value: 2, unit: 'L/min' } } } }, [
      'CrsAssessed',
    ]);
    await step(j, 'icans-assessments', { assessedAt: j.ago(3), parameters: { encephalopathy: { instrument: 'ice', score: 8 }, consciousness: 'alert', seizure: 'none', motor: 'none', cerebralOedema: 'none' } }, [
      'IcansAssessed',
    ]);
    const { rows: graded } = await system.sql.query(`SELECT event_type, data->>'grade' AS grade FROM events WHERE stream_id = $1 AND event_type IN ('CrsAssessed', 'IcansAssessed') ORDER BY stream_position`, [
      `participant-${j.participantId}`,
    ]);
    expect(graded).toEqual([{ event_type: 'CrsAssessed', grade: '2' }, { event_type: 'IcansAssessed', grade: '1' }]);
    await step(j, 'dlt-candidates', { sourceEntryId: ae.commandId, rule: 'INVESTIGATOR-JUDGEMENT', description: 'Grade 3 infection in the DLT window' }, ['DltCandidateFlagged']);
    await step(
      j,
      'dlt-adjudications',
      { candidateId: `INVESTIGATOR-JUDGEMENT:${ae.commandId}`, isDlt: false, rationale: 'Resolved with antibiotics within 3 days', meaning: 'I adjudicate this DLT candidate', password: DEMO_PASSWORD },
      ['DltAdjudicated'],
      'investigator.a',
    );

    const unscheduled = await step(j, 'unscheduled-visits', { visitDate: j.today(), reason: 'Fever follow-up', assessments: ['CRP'] }, ['UnscheduledVisitRecorded']);
    await step(j, 'voids', { entryId: unscheduled.commandId, reason: 'Recorded on the wrong participant' }, ['EntryVoided']);
    await step(j, 'corrections', { entryId: ae.commandId, changes: { grade: 2 }, reason: 'Grade re-assessed against the CTCAE definition' }, ['EntryCorrected']);

    // Visits done today are outside their windows (the infusion was today): each raises a deviation candidate.
    await step(j, 'visits', { visitId: 'D7', actualDate: j.today(), assessments: ['CBC'] }, ['VisitCompleted', 'DeviationCandidateRaised']);
    await step(j, 'deviations/confirmations', { deviationId: 'visit-out-of-window:D7', important: false, reason: 'Visit brought forward by the participant; documented' }, ['DeviationConfirmed']);
    const lastVisit = j.protocol.visits.at(-1)!.id;
    await step(j, 'visits', { visitId: lastVisit, actualDate: j.today(), assessments: ['CBC'] }, ['VisitCompleted', 'DeviationCandidateRaised']);
    await step(j, 'deviations/dismissals', { deviationId: `visit-out-of-window:${lastVisit}`, reason: 'Entered against the wrong visit; see the correction' }, ['DeviationDismissed']);
    await step(j, 'efficacy-assessments', { visitId: lastVisit, instrument: 'SLEDAI-2K', assessedOn: j.today(), value: 2 }, ['EfficacyAssessed']);
    const completed = await step(j, 'completion', { completedOn: j.today() }, ['StudyCompleted']);
    expect(completed.json.summary).toMatchObject({ phase: 'ENDED', endReason: 'COMPLETED', openDeviations: 0 });
  });

  it('records a screen failure, then a re-screening', async () => {
    const j = new HttpJourney(system, 'cb-cd19-bcma', 'SSC', 'CN-BJ-GB');
    await j.register();
    await step(j, 'consent', j.consentBody(), ['ConsentSigned']);
    await step(j, 'screening/observations', { code: 'MRSS', value: 9, unit: 'score', observedOn: j.today(), source: 'local lab' }, ['ScreeningObservationRecorded']);
    await step(j, 'screening/evaluation', {}, ['EligibilityEvaluated']);
    expect((await step(j, 'screening/failure', { reason: 'mRSS below the protocol threshold' }, ['ScreenFailed'])).json.summary.phase).toBe('SCREEN_FAILED');
    expect((await step(j, 'screening/rescreening', { reason: 'Skin score worsened over three months' }, ['RescreeningStarted'])).json.summary.phase).toBe('SCREENING');
  });

  it('records a withdrawal, a loss to follow-up and a death, each ending the journey', async () => {
    const withdrawn = new HttpJourney(system, 'ucart-cd19-bcma', 'MG', 'DEMO-01');
    await withdrawn.register();
    await step(withdrawn, 'consent', withdrawn.consentBody(), ['ConsentSigned']);
    const w = await step(withdrawn, 'withdrawal', { reason: 'Participant decision', safetyFollowUpConsented: true, withdrawnOn: withdrawn.today() }, ['Withdrawn']);
    expect(w.json.summary).toMatchObject({ phase: 'ENDED', endReason: 'WITHDRAWN' });

    const lost = new HttpJourney(system, 'ucart-cd19-bcma', 'MG', 'DEMO-01');
    await lost.register();
    const l = await step(lost, 'lost-to-follow-up', { lastContactOn: lost.today(-30), attempts: 3 }, ['LostToFollowUp']);
    expect(l.json.summary).toMatchObject({ phase: 'ENDED', endReason: 'LOST_TO_FOLLOW_UP' });

    const died = new HttpJourney(system, 'ucart-cd19-bcma', 'SLE', 'DEMO-02', 'coordinator.b', 'investigator.b');
    await died.register();
    const d = await step(died, 'death', { diedOn: died.today(), cause: 'Road traffic accident' }, ['Died'], 'investigator.b');
    expect(d.json.summary).toMatchObject({ phase: 'ENDED', endReason: 'DIED' });
  });

  it('documents every command endpoint in the OpenAPI document with its own strict request schema', async () => {
    const doc = await call(system.baseUrl, null, 'GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    // Inline schemas must not use $defs: a "#/$defs/…" ref would resolve against the document root.
    expect(JSON.stringify(doc.json)).not.toContain('$defs');
    const commands = Object.entries(doc.json.paths as Record<string, Record<string, any>>).filter(([, item]) =>
      (item.post?.tags ?? []).some((tag: string) => tag.startsWith('participant commands')),
    );
    expect(commands.every(([path]) => path.startsWith('/v1/participants/{participantId}/'))).toBe(true);
    expect(commands).toHaveLength(32);
    for (const [path, item] of commands) {
      const schema = item.post.requestBody.content['application/json'].schema;
      expect({ path, additionalProperties: schema.additionalProperties, commandId: schema.required.includes('commandId') }).toEqual({ path, additionalProperties: false, commandId: true });
      expect(Object.keys(item.post.responses).sort()).toEqual(expect.arrayContaining(['200', '400', '404', '409', '422', '503']));
    }
    const sign = doc.json.paths['/v1/participants/{participantId}/screening/signature'].post;
    expect(sign.operationId).toBe('signEligibility');
    expect(sign.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['meaning', 'recordHash', 'password']));
    expect(sign['x-roles']).toEqual(['investigator']);
  });
});
