import { call, HttpJourney, recordedBy } from '../support/http-journey.js';
import { startSystem, type RunningSystem } from '../support/running-system.js';

let system: RunningSystem;
/** DEMO-01 MG, infused today, screening MG-ADL 6 (the criterion's threshold), the D14 visit done today. */
let mg: HttpJourney;

beforeAll(async () => {
  system = await startSystem();
  mg = new HttpJourney(system, 'ucart-cd19-bcma', 'MG', 'DEMO-01');
  await mg.toEnrolled();
  await mg.toInfused();
  await mg.ok('visits', { visitId: 'D14', actualDate: mg.today(), assessments: ['MG-ADL', 'QMG'] });
});

afterAll(async () => {
  await system?.stop();
});

const efficacyAt = async (timepoint: string, instrument: string) => {
  const read = await call(system.baseUrl, 'coordinator.a', 'GET', `/v1/efficacy-results?participantId=${mg.participantId}&timepoint=${timepoint}&instrument=${instrument}&minVersion=${mg.version}`);
  expect(read.status).toBe(200);
  return read.json.items as Record<string, unknown>[];
};

describe('POST /v1/participants/{id}/efficacy-assessments (API → Update → journey → store → efficacy read model)', () => {
  it('records an MG-ADL score and reads it back with its change from baseline and the ≥2-point response', async () => {
    const answer = await mg.ok('efficacy-assessments', { visitId: 'D14', instrument: 'MG-ADL', assessedOn: mg.today(), value: 3, unit: 'score' });
    const events = await recordedBy(system.sql, mg.participantId, answer.commandId, answer.json.streamVersion);
    expect(events).toEqual([{ type: 'EfficacyAssessed', actor: expect.objectContaining({ id: 'coordinator.a', role: 'coordinator' }) }]);

    expect(await efficacyAt('D14', 'MG-ADL')).toEqual([
      expect.objectContaining({
        status: 'RECORDED',
        value: 3,
        unit: 'score',
        assessedOn: mg.today(),
        entryId: answer.commandId,
        changeFromBaseline: -3,
        percentChangeFromBaseline: -50,
        response: 'RESPONSE',
        responseAlgorithm: 'mg-adl.compare@1.0.0',
        responseDefinition: expect.stringMatching(/≥2 points/),
      }),
    ]);
    expect(await efficacyAt('BASELINE', 'MG-ADL')).toEqual([expect.objectContaining({ status: 'RECORDED', value: 6 })]);
  });

  it('refuses a score outside the instrument’s range (422 naming value) and a malformed one (400 naming value); nothing is stored', async () => {
    const outOfRange = await mg.refused('efficacy-assessments', { visitId: 'D14', instrument: 'QMG', assessedOn: mg.today(), value: 40 });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.json).toMatchObject({ code: 'INVALID_SCORE', errors: [{ field: 'value', message: 'value = 40 is outside 0-39 (QMG 0-39)' }] });

    const malformed = await mg.refused('efficacy-assessments', { visitId: 'D14', instrument: 'QMG', assessedOn: mg.today(), value: 'forty' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors).toEqual([{ field: 'value', message: 'must be a number' }]);

    const unknown = await mg.refused('efficacy-assessments', { visitId: 'D14', instrument: 'BILAG', assessedOn: mg.today(), value: 3 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors.map((e: { field: string }) => e.field)).toEqual(['instrument']);

    expect(await efficacyAt('D14', 'QMG')).toEqual([expect.objectContaining({ status: 'DONE', value: null, response: null })]);
  });

  it('answers a second score of the same instrument at the visit with 409: a rescore is a void and a new record', async () => {
    const again = await mg.refused('efficacy-assessments', { visitId: 'D14', instrument: 'MG-ADL', assessedOn: mg.today(), value: 5 });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'EFFICACY_ALREADY_ASSESSED', errors: [{ field: 'instrument' }] });
  });
});
