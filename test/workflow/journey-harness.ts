import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { addDaysToDate, participantStreamId } from '@trialflow/domain';
import { workflowBundleOptions } from '../../apps/worker/src/workflow-source.js';
import { InMemoryJourneyActivities } from '../support/in-memory-journey-activities.js';
import { JourneyDriver } from '../support/journey-driver.js';

const bundle = workflowBundleOptions();
const drivers: JourneyDriver[] = [];

/**
 * Time skipping is global to the test server, and it stops while any workflow task is outstanding: a journey
 * left running after its test (its worker gone) would block every later sleep when its next timer fires.
 */
export async function terminateJourneys(): Promise<void> {
  for (const driver of drivers.splice(0)) await driver.handle.terminate('test finished').catch(() => undefined);
}

/** A worker on its own task queue with in-memory activities, and a driver for one participant. */
export async function journeyOn(env: TestWorkflowEnvironment, trialId: string, cohortId: string, identity?: { participantId: string; participantCode: string }) {
  const store = new InMemoryJourneyActivities();
  const taskQueue = `journey-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, activities: store, ...bundle });
  const driver = new JourneyDriver(env.client, taskQueue, trialId, cohortId, () => env.currentTimeMs(), identity);
  drivers.push(driver);
  const events = () => store.eventTypes(participantStreamId(driver.participantId));
  const all = () => store.streams.get(participantStreamId(driver.participantId))?.map((e) => e.event) ?? [];
  /** Advances the (skipped) server clock to a local time on a site-local date. */
  const sleepUntilLocal = async (date: string, time = '10:00') => {
    const target = Date.parse(`${date}T${time}:00Z`) - driver.offset * 60_000;
    const ms = target - (await env.currentTimeMs());
    if (process.env.DEBUG_DRIVER) process.stderr.write(`sleep ${Math.round(ms / 3_600_000)} h to ${date}\n`);
    if (ms > 0) await env.sleep(ms);
    if (process.env.DEBUG_DRIVER) process.stderr.write(`woke\n`);
  };
  /** Lets the worker finish what the last timer started (an activity runs in real time). */
  const settle = async (until: () => boolean, what: string) => {
    for (let i = 0; i < 400 && !until(); i += 1) await new Promise((r) => setTimeout(r, 25));
    if (!until()) throw new Error(`timed out waiting for ${what}`);
  };
  /** Lymphodepletion on D-5, D-4, D-3 at 09:00 site time, then the infusion on D0; returns the first LD date. */
  const lymphodepleteAndInfuse = async (): Promise<string> => {
    const ld = await driver.today(1);
    for (const [i, day] of [-5, -4, -3].entries()) {
      await sleepUntilLocal(addDaysToDate(ld, i), '09:00');
      await driver.giveDosesOfDay(day);
    }
    await sleepUntilLocal(addDaysToDate(ld, 5), '09:00');
    await driver.infuse();
    return ld;
  };
  /**
   * Runs the test body with the worker, then lets the journey reach a quiet point before the worker stops: an
   * activity left in flight on a queue with no worker would stop time skipping for every later test.
   */
  const run = (body: () => Promise<void>) =>
    worker.runUntil(async () => {
      await body();
      await driver.idle();
    });
  return { store, worker, run, driver, events, all, sleepUntilLocal, settle, lymphodepleteAndInfuse };
}
