import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { demoJourneys } from '@trialflow/demo-data';
import { participantStreamId } from '@trialflow/domain';
import { createTimeSkippingEnv } from '../support/time-skipping-env.js';
import { journeyOn, terminateJourneys } from './journey-harness.js';

/**
 * A journey imported from source records (here: the demo data's stories) through the real workflow: decided
 * entry by entry at their own instants, stored in order with who imported it, answered once, refused whole.
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

const story = async (code: string) => {
  const journey = demoJourneys(new Date(await env.currentTimeMs())).find((j) => j.spec.participantCode === code);
  if (!journey) throw new Error(`no demo journey ${code}`);
  return journey;
};

describe('importing a journey (time-skipping server)', () => {
  it('starts the journey from the import, records every entry at its instant with its importer, and goes on live', async () => {
    const journey = await story('DEMO-U08'); // DLT window day 20, D14 missed, a serious AE, a DLT candidate
    const { run, driver, store } = await journeyOn(env, journey.spec.trialId, journey.spec.cohortId, journey.spec);
    await run(async () => {
      const imported = await driver.importJourney(journey.entries, 'import-1');
      expect(imported.summary.phase).toBe('DLT_WINDOW');
      // The run that took the import continued as new after it (screening → DLT window crosses boundaries)…
      await driver.stored();
      await driver.state();
      const described = await driver.handle.describe();
      expect(described.runId).not.toBe(described.raw.workflowExecutionInfo?.firstRunId);
      // …and the same import again, on the new run: answered from the recorded entries, not repeated.
      expect(await driver.importJourney(journey.entries, 'import-1')).toMatchObject({ streamVersion: imported.streamVersion });
      expect(await driver.importJourney(journey.entries, 'import-1-resent-under-another-id')).toMatchObject({ streamVersion: imported.streamVersion });
      // The journey carries on live from where the import left it.
      const live = await driver.send({ type: 'AssessIcans', data: { assessedAt: new Date(await env.currentTimeMs()).toISOString(), parameters: { encephalopathy: { instrument: 'ice', score: 10 }, consciousness: 'alert', seizure: 'none', motor: 'none', cerebralOedema: 'none' } } } as never);
      // (Deadlines between the last entry and now are reached live first: a reminder due an hour ago goes out.)
      expect(live.streamVersion).toBeGreaterThan(imported.streamVersion);
      await driver.stored();
    });
    const stream = store.streams.get(participantStreamId(driver.participantId)) ?? [];
    expect(stream.at(-1)!.event.type).toBe('IcansAssessed');
    const first = stream[0]!;
    expect(first.event.type).toBe('ParticipantRegistered');
    expect(first.event.occurredAt).toBe(journey.entries[0]!.at); // dated by the source, not by the import
    expect(first.metadata).toMatchObject({ causationId: 'import-1', importedBy: { id: 'importer-1' }, actor: { id: 'coordinator.b' }, reason: 'Paper records entered after the fact (test)' });
    expect((first.event.data as { participantId: string }).participantId).toBe(driver.participantId);
    // The entries in the order they were made, and the missed D14 visit's deviation raised in its place (after
    // the D10 visit, before the day-19 ICANS assessment) by the orchestrator.
    const commands = [...new Set(stream.map((e) => e.metadata.commandId))];
    const entryIds = journey.entries.map((e) => e.command.commandId);
    expect(commands.filter((id) => entryIds.includes(id))).toEqual(entryIds);
    const at = (match: (e: (typeof stream)[number]) => boolean) => stream.findIndex(match);
    const missed = at((e) => e.event.type === 'DeviationCandidateRaised' && (e.event.data as { deviationId: string }).deviationId === 'visit-missed:D14');
    expect(stream[missed]!.metadata).toMatchObject({ actor: { role: 'system' }, causationId: 'import-1' });
    expect(missed).toBeGreaterThan(at((e) => e.event.type === 'VisitCompleted' && (e.event.data as { visitId: string }).visitId === 'D10'));
    expect(missed).toBeLessThan(at((e) => e.event.type === 'IcansAssessed'));
    expect(stream.filter((e) => e.event.type === 'VisitCompleted').map((e) => (e.event.data as { visitId: string }).visitId)).toEqual(['D7', 'D10']);
    expect(stream.at(-1)!.metadata.importedBy).toBeUndefined(); // the live command is no import
    // Reminders that fell due inside the imported past are recorded, not sent now (weeks late); later ones go out.
    const lastEntryAt = Date.parse(journey.entries.at(-1)!.at);
    const pastReminders = stream.filter((e) => e.event.type === 'ReminderDue' && Date.parse(e.event.occurredAt) <= lastEntryAt).map((e) => (e.event.data as { reminderId: string }).reminderId);
    expect(pastReminders.length).toBeGreaterThan(3);
    expect(store.notifications.filter((n) => pastReminders.some((id) => n.notificationId.endsWith(`:${id}`)))).toEqual([]);
  });

  it('refuses an import with a bad entry whole, naming the entry, and records nothing', async () => {
    const journey = await story('DEMO-C06');
    const { run, driver, store } = await journeyOn(env, journey.spec.trialId, journey.spec.cohortId, journey.spec);
    const entries = journey.entries.map((e, i) => (i === 5 ? { ...e, at: new Date(Date.parse(journey.entries[0]!.at) - 86_400_000).toISOString() } : e));
    await run(async () => {
      await expect(driver.importJourney(entries)).rejects.toMatchObject({ cause: { details: [expect.objectContaining({ code: 'IMPORT_OUT_OF_ORDER', field: 'entries[5].at' })] } });
      await expect(driver.importJourney(journey.entries.map((e) => ({ ...e, at: '2999-01-01T00:00:00.000Z' })))).rejects.toMatchObject(rejection('IMPORT_INSTANT_IN_FUTURE'));
      expect((await driver.state()).version).toBe(0);
      // The whole story then imports.
      expect((await driver.importJourney(journey.entries)).summary.phase).toBe('DLT_WINDOW');
      await driver.stored();
    });
    expect(store.streams.get(participantStreamId(driver.participantId))![0]!.event.type).toBe('ParticipantRegistered');
  });
});
