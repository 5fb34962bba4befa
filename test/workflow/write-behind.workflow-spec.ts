import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { participantStreamId } from '@trialflow/domain';
import { createTimeSkippingEnv } from '../support/time-skipping-env.js';
import { journeyOn, terminateJourneys } from './journey-harness.js';

/**
 * The journey answers a command once its events are in its durable history and writes them to the store just
 * behind the answer. These tests take the store away and make it refuse, and check that no event is lost,
 * reordered or written twice, and that the journey stops answering rather than run ahead without bound.
 */
let env: TestWorkflowEnvironment;
const rejection = (code: string) => ({ cause: { type: 'DomainRejection', details: [expect.objectContaining({ code })] } });

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(terminateJourneys);
afterAll(async () => {
  await env?.teardown();
});

describe('events written behind the answer (time-skipping server)', () => {
  it('answers while the database is away, refuses beyond 50 unstored events, and stores everything in order once it is back', async () => {
    const { run, driver, store } = await journeyOn(env, 'ucart-cd19-bcma', 'SLE');
    await run(async () => {
      await driver.register();
      await driver.send({ type: 'SignConsent', data: { icfVersion: '1.0', signedOn: await driver.today(), signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'inv-1' } });
      await driver.stored();
      store.unavailable = true;
      const observe = async (i: number) =>
        driver.send({ type: 'RecordScreeningObservation', data: { code: 'ANC', value: 1 + i / 100, unit: '10^9/L', observedOn: await driver.today(), source: 'lab' } });
      for (let i = 0; i < 50; i += 1) expect((await observe(i)).streamVersion).toBe(3 + i);
      await expect(observe(50)).rejects.toMatchObject(rejection('STORE_BEHIND'));
      expect(await driver.storeStatus()).toEqual({ decidedVersion: 52, storedVersion: 2 });

      store.unavailable = false;
      await env.sleep(120_000); // past the append's retry back-off (skipped time)
      await driver.stored();
      expect((await observe(51)).streamVersion).toBe(53);
      await driver.stored();
    });
    const stream = store.streams.get(participantStreamId(driver.participantId)) ?? [];
    expect(stream).toHaveLength(53);
    expect(new Set(stream.map((e) => e.eventId)).size).toBe(53);
    const values = stream.filter((e) => e.event.type === 'ScreeningObservationRecorded').map((e) => (e.event.data as { value: number }).value);
    expect(values).toEqual([...Array.from({ length: 50 }, (_, i) => 1 + i / 100), 1.51]);
  });

  it('records nothing more once the store refuses its events for good, and says so', async () => {
    const { run, driver, store, events } = await journeyOn(env, 'cb-cd19-bcma', 'SSC');
    await run(async () => {
      await driver.register();
      await driver.stored();
      store.refusing = true;
      // Already answered: the events are in the journey's history; the store refuses them afterwards.
      await driver.send({ type: 'SignConsent', data: { icfVersion: '1.0', signedOn: await driver.today(), signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'inv-1' } });
      let failure: string | undefined;
      for (let i = 0; i < 200 && failure === undefined; i += 1) {
        failure = (await driver.storeStatus()).failure;
        if (failure === undefined) await new Promise((r) => setTimeout(r, 25));
      }
      expect(failure).toMatch(/refused this journey's events/);
      await expect(driver.send({ type: 'EvaluateEligibility', data: {} })).rejects.toMatchObject(rejection('JOURNEY_WRITE_FAILED'));
      expect(await driver.storeStatus()).toMatchObject({ decidedVersion: 2, storedVersion: 1 });
    });
    expect(events()).toEqual(['ParticipantRegistered']);
  });
});
