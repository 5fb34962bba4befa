import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PARTICIPANT_JOURNEY_WORKFLOW_TYPE, registerParticipantUpdate } from '@trialflow/contracts';
import { addDays, addDaysToDate, visitWindows, type ParticipantEvent } from '@trialflow/domain';
import { createTimeSkippingEnv } from '../support/time-skipping-env.js';
import { saveHistories } from '../support/workflow-histories.js';
import { journeyOn, terminateJourneys } from './journey-harness.js';

const DAY_MS = 86_400_000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

afterEach(terminateJourneys);

afterAll(async () => {
  await env?.teardown();
});

const rejection = (code: string) => ({ cause: { type: 'DomainRejection', details: [expect.objectContaining({ code })] } });

describe('participant journey workflow (time-skipping server)', () => {
  it('fires the 28-day screening-window timer durably, recording the event at the planned instant', async () => {
    const { run, driver, events, all, settle } = await journeyOn(env, 'ucart-cd19-bcma', 'SLE');
    await run(async () => {
      await driver.register();
      await driver.consentAndScreen();
      const consentAt = all().find((e) => e.type === 'ConsentSigned')!.occurredAt;
      expect((await driver.deadlines())[0]).toMatchObject({ id: 'screening-window:1', dueAt: addDays(consentAt, 28) });
      await env.sleep(27 * DAY_MS);
      expect(events()).not.toContain('ScreeningWindowElapsed');
      await env.sleep(DAY_MS + 60_000);
      await settle(() => events().includes('ScreeningWindowElapsed'), 'ScreeningWindowElapsed');
      expect(all().find((e) => e.type === 'ScreeningWindowElapsed')?.occurredAt).toBe(addDays(consentAt, 28));
    });
  });

  it.each([
    ['ucart-cd19-bcma', 'SLE'],
    ['cb-cd19-bcma', 'SSC'],
  ])('runs the complete 24-month journey of %s / %s with every visit, reminder and the DLT window', async (trialId, cohortId) => {
    const { run, driver, events, all, sleepUntilLocal, settle, lymphodepleteAndInfuse } = await journeyOn(env, trialId, cohortId);
    const wall = Date.now();
    const firstRun = { id: '' };
    await run(async () => {
      await driver.register();
      firstRun.id = (await driver.handle.describe()).runId;
      await driver.consentAndScreen();
      await driver.signAndEnrol();
      await lymphodepleteAndInfuse();
      const state = await driver.state();
      for (const w of visitWindows(driver.protocol, state)) {
        await sleepUntilLocal(w.target, '10:00');
        await driver.send({ type: 'CompleteVisit', data: { visitId: w.visit.id, actualDate: w.target, assessments: w.visit.instruments[cohortId] ?? [] } });
      }
      await sleepUntilLocal(addDaysToDate(state.infusion!.infusionDate, 770));
      await settle(() => events().includes('AeCollectionEnded'), 'the end of AE collection');
      await driver.send({ type: 'CompleteStudy', data: { completedOn: await driver.today() } });
    });

    const count = (type: ParticipantEvent['type']) => events().filter((t) => t === type).length;
    const final = all();
    expect(count('VisitCompleted')).toBe(12);
    expect(final.filter((e) => e.type === 'VisitCompleted').every((e) => e.type === 'VisitCompleted' && e.data.inWindow)).toBe(true);
    expect(count('DeviationCandidateRaised')).toBe(0);
    expect(count('DltWindowClosed')).toBe(1);
    expect(count('AeCollectionEnded')).toBe(1);
    expect(count('LymphodepletionDoseAdministered')).toBe(6);
    expect(count('ReminderDue')).toBeGreaterThanOrEqual(12 * 3);
    expect(count('ReminderDelivered')).toBe(count('ReminderDue'));
    expect(count('StudyCompleted')).toBe(1);
    // The journey continued-as-new at its phase boundaries: the run now open is not the first one.
    expect((await driver.handle.describe()).runId).not.toBe(firstRun.id);
    console.info(`${trialId}/${cohortId}: 24 months, ${final.length} events, ${((Date.now() - wall) / 1000).toFixed(1)} s wall time`);
    // `RECORD_HISTORIES=1 npm test -- --selectProjects workflow` refreshes the replay fixtures.
    if (process.env.RECORD_HISTORIES) await saveHistories(env.client, driver.workflowId, firstRun.id, `complete-${trialId}-${cohortId.toLowerCase()}`);
  });

  it('records a screen failure and accepts nothing clinical afterwards', async () => {
    const { run, driver, events } = await journeyOn(env, 'ucart-cd19-bcma', 'MG');
    await run(async () => {
      await driver.register();
      await driver.send({ type: 'SignConsent', data: { icfVersion: '1.0', signedOn: await driver.today(), signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'inv-1' } });
      await driver.send({ type: 'EvaluateEligibility', data: {} });
      await driver.send({ type: 'FailScreening', data: { reason: 'ANC below 1.0' } });
      await expect(driver.send({ type: 'Enrol', data: { doseLevelId: 'DL1' } })).rejects.toMatchObject(rejection('NOT_IN_SCREENING'));
      expect((await driver.state()).phase).toBe('SCREEN_FAILED');
    });
    expect(events()).toEqual(['ParticipantRegistered', 'ConsentSigned', 'EligibilityEvaluated', 'ScreenFailed']);
  });

  it('withdraws inside the DLT window: no later visit is planned and clinical commands are refused', async () => {
    const { run, driver, events, sleepUntilLocal, lymphodepleteAndInfuse } = await journeyOn(env, 'cb-cd19-bcma', 'SLE_LN');
    const firstRun = { id: '' };
    await run(async () => {
      await driver.register();
      firstRun.id = (await driver.handle.describe()).runId;
      await driver.consentAndScreen();
      await driver.signAndEnrol();
      const ld = await lymphodepleteAndInfuse();
      await sleepUntilLocal(addDaysToDate(ld, 15), '11:00');
      await driver.send({ type: 'Withdraw', data: { reason: 'Withdrew consent', safetyFollowUpConsented: false, withdrawnOn: await driver.today() } });
      expect((await driver.deadlines()).filter((d) => d.kind === 'VISIT_REMINDER' || d.kind === 'VISIT_WINDOW_CLOSES')).toEqual([]);
      await expect(driver.send({ type: 'CompleteVisit', data: { visitId: 'D14', actualDate: await driver.today(), assessments: [] } })).rejects.toMatchObject(rejection('JOURNEY_ENDED'));
    });
    // The D7 visit was missed before the withdrawal; nothing is planned or missed after it.
    const afterWithdrawal = events().slice(events().indexOf('Withdrawn') + 1);
    expect(afterWithdrawal.filter((t) => t === 'VisitMissed' || t === 'ReminderDue')).toEqual([]);
    if (process.env.RECORD_HISTORIES) await saveHistories(env.client, driver.workflowId, firstRun.id, 'withdrawn-cb-cd19-bcma-sle_ln');
  });

  it('turns a missed visit into a deviation candidate when its window closes', async () => {
    const { run, driver, all, sleepUntilLocal, settle, lymphodepleteAndInfuse } = await journeyOn(env, 'ucart-cd19-bcma', 'AAV');
    await run(async () => {
      await driver.register();
      await driver.consentAndScreen();
      await driver.signAndEnrol();
      const ld = await lymphodepleteAndInfuse();
      await sleepUntilLocal(addDaysToDate(ld, 5 + 9), '01:00'); // the D7 window closed at the end of day 8
      await settle(() => all().some((e) => e.type === 'DeviationCandidateRaised'), 'the deviation candidate');
    });
    expect(all().find((e) => e.type === 'VisitMissed')).toMatchObject({ data: { visitId: 'D7' } });
    expect(all().find((e) => e.type === 'DeviationCandidateRaised')).toMatchObject({ data: { deviationId: 'visit-missed:D7', rule: 'VISIT_MISSED' } });
  });

  it('rejects a second infusion in the validator, and a corrected infusion date moves every later deadline', async () => {
    const { run, driver, store, sleepUntilLocal, lymphodepleteAndInfuse } = await journeyOn(env, 'ucart-cd19-bcma', 'IGG4RD');
    await run(async () => {
      await driver.register();
      await driver.consentAndScreen();
      await driver.signAndEnrol();
      const ld = await lymphodepleteAndInfuse();
      const appendsBefore = store.appendCalls;
      const at = (await driver.now()).toISOString();
      const second = driver.send({ type: 'RecordInfusion', data: { startedAt: at, completedAt: at, carPositiveCellsInfused: 6e7, weightKg: 60 } });
      await expect(second).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(second).rejects.toMatchObject(rejection('ALREADY_INFUSED'));
      expect(store.appendCalls).toBe(appendsBefore);

      await sleepUntilLocal(addDaysToDate(ld, 6), '12:00');
      const before = await driver.deadlines();
      const infusion = (await driver.state()).infusion!;
      const shift = (iso: string) => new Date(Date.parse(iso) - DAY_MS).toISOString();
      await driver.send({ type: 'CorrectEntry', data: { entryId: infusion.entryId, changes: { startedAt: shift(infusion.startedAt), completedAt: shift(infusion.completedAt) }, reason: 'Infusion was the day before; date mis-keyed' } });
      const after = await driver.deadlines();
      for (const id of ['dlt-window:closes', 'ae-collection:ends', 'visit:M24:closes']) {
        const was = before.find((d) => d.id === id)!;
        const now = after.find((d) => d.id === id)!;
        expect(Date.parse(was.dueAt) - Date.parse(now.dueAt)).toBe(DAY_MS);
      }
    });
  });

  it('records a failed reminder delivery as an event', async () => {
    const { run, driver, store, all, sleepUntilLocal, settle, lymphodepleteAndInfuse } = await journeyOn(env, 'ucart-cd19-bcma', 'IIM');
    store.failingChannels.add('webhook');
    await run(async () => {
      await driver.register();
      await driver.consentAndScreen();
      await driver.signAndEnrol();
      const ld = await lymphodepleteAndInfuse();
      await sleepUntilLocal(addDaysToDate(ld, 5 + 4), '09:00'); // the D7 reminder 3 days before
      await settle(() => all().some((e) => e.type === 'ReminderDeliveryFailed'), 'the failed delivery');
    });
    expect(all().find((e) => e.type === 'ReminderDeliveryFailed')).toMatchObject({ data: { reminderId: 'visit:D7:reminder:-3', failures: [{ channel: 'webhook', error: 'HTTP 503' }] } });
    expect(store.notifications[0]).toMatchObject({ reminderId: 'visit:D7:reminder:-3', timeZone: 'Asia/Shanghai', participantCode: driver.participantCode });
  });

  it('rejects a second registration of the same code in the validator; the same command id is answered, not repeated', async () => {
    const { run, driver, store } = await journeyOn(env, 'ucart-cd19-bcma', 'SLE');
    await run(async () => {
      await driver.register();
      await expect(driver.register()).rejects.toMatchObject(rejection('PARTICIPANT_ALREADY_REGISTERED'));
      const commandId = '6f0c1f2e-1111-4111-8111-000000000001';
      const consent = { type: 'SignConsent' as const, commandId, data: { icfVersion: '1.0', signedOn: await driver.today(), signers: [{ role: 'PARTICIPANT' as const, name: 'P' }], assent: false, obtainedBy: 'inv-1' } };
      const first = await driver.send(consent);
      const again = await driver.send(consent);
      expect(again.streamVersion).toBe(first.streamVersion);
    });
    expect(store.allEvents().map((e) => e.event.type)).toEqual(['ParticipantRegistered', 'ConsentSigned']);
  });
});

describe('a start whose registration never arrives', () => {
  it('gives up after a day and frees the participant code for a new registration', async () => {
    const { run, driver, store } = await journeyOn(env, 'ucart-cd19-bcma', 'SLE');
    await run(async () => {
      const commandId = randomUUID();
      const start = () =>
        new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, {
          workflowId: driver.workflowId,
          taskQueue: driver.taskQueue,
          args: [{ participantId: driver.participantId, participantCode: driver.participantCode }],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
        });
      const rejected = env.client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
        updateId: commandId,
        args: [{ commandId, correlationId: 'test', actor: { id: 'c', role: 'coordinator' }, participantCode: driver.participantCode, trialId: 'ucart-cd19-bcma', cohortId: 'NOPE', siteId: 'DEMO-01' }],
        startWorkflowOperation: start(),
      });
      await expect(rejected).rejects.toMatchObject(rejection('COHORT_NOT_IN_TRIAL'));
      await env.sleep(DAY_MS + 60_000);
      expect((await driver.handle.describe()).status.name).toBe('FAILED');
      const result = await driver.register();
      expect(result.summary.phase).toBe('SCREENING');
    });
    expect(store.allEvents().map((e) => e.event.type)).toEqual(['ParticipantRegistered']);
  });
});
