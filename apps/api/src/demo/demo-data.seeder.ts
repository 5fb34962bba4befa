import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { demoJourneys } from '@trialflow/demo-data';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../app-config.provider.js';
import { commandProblem } from '../temporal/command-errors.js';
import { DemoImportSender } from './demo-import.sender.js';

/** Waits this long at most for the worker to take the first import (the system may still be starting). */
const PATIENCE_MS = 5 * 60_000;

/**
 * DEMO_DATA=if-empty (the default of `npm start`): on a system with no participant yet, imports the synthetic
 * demo participants of both seed trials, so a new user sees a living system at once. Runs behind the start
 * (the API serves meanwhile) and never on a system that has a participant: real data is never mixed with
 * demo data. Every demo event names the demo import as its importer and says it is synthetic.
 */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');
  /** Settles when the seeding is over (for tests and an orderly shutdown). */
  done: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(DemoImportSender) private readonly sender: DemoImportSender,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.demoData !== 'if-empty') return;
    this.done = this.seed().catch((error: unknown) => this.logger.error(`demo data not imported: ${String(error)}`));
  }

  private async seed(): Promise<void> {
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM event_streams WHERE stream_type = 'participant'`)) as [{ n: number }];
    if (n > 0) {
      this.logger.log(`demo data skipped: the system already has ${n} participant(s)`);
      return;
    }
    const journeys = demoJourneys(new Date());
    const correlationId = `demo-data-${randomUUID()}`;
    this.logger.log(`importing ${journeys.length} synthetic demo participants (both seed trials, every phase)…`);
    const giveUpAt = Date.now() + PATIENCE_MS;
    for (const journey of journeys) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          const result = await this.sender.importJourney(journey, correlationId);
          this.logger.log(`${journey.spec.participantCode} (${journey.spec.trialId}/${journey.spec.cohortId}, ${journey.spec.siteId}): ${journey.story} — ${result.summary.phase}, version ${result.streamVersion}`);
          break;
        } catch (error) {
          const problem = commandProblem(error);
          // A refusal is a bug in the demo data, not a passing state: report it and go on with the others.
          if (problem && problem.problem.status !== 503) {
            this.logger.error(`${journey.spec.participantCode} refused: ${JSON.stringify(problem.problem)}`);
            break;
          }
          if (Date.now() > giveUpAt) throw error;
          // The worker is not polling yet (the system is starting), or the store is catching up.
          if (attempt === 1) this.logger.log(`waiting for the worker to take the demo import (${problem?.problem.code ?? String(error)})…`);
          await sleep(2_000);
        }
      }
    }
    this.logger.log('demo data imported: sign in as coordinator.a (password trialflow-demo) to see the worklist');
  }
}
