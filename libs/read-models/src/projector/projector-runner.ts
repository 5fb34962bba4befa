import pg from 'pg';
import type { DataSource } from 'typeorm';
import { EVENTS_APPENDED_CHANNEL, onEventsAppended } from '@trialflow/event-store';
import { ViewCache } from '../participant-view/participant-views.js';
import { Projector } from './projector.js';
import { ProjectorGroup } from './projector-group.js';
import type { Projection } from './projection.js';

export interface ProjectorRunnerOptions {
  readonly databaseUrl: string;
  /** Poll for what no wake-up announced (another process's appends, late commits). */
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown, projection: string) => void;
}

/**
 * Keeps every projection caught up: wakes when this process appends (the store's in-process signal), on a
 * NOTIFY on the appended channel, or on the poll interval, whichever comes first. Errors are reported and
 * retried on the next wake; the checkpoint guarantees no loss.
 */
/** How long a busy projector gathers appends before its next pass. */
const COALESCE_MS = 20;

export class ProjectorRunner {
  private readonly projectors: Projector[];
  private readonly group: ProjectorGroup;
  private listener: pg.Client | undefined;
  private unsubscribe: (() => void) | undefined;
  private wake: (() => void) | undefined;
  /** Set by a wake-up that arrives while a catch-up is running, so the next wait is skipped. */
  private pending = false;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    dataSource: DataSource,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorRunnerOptions,
  ) {
    // One fold per event for all projections: they share the participant views this process has folded.
    const viewCache = new ViewCache();
    this.projectors = projections.map((p) => new Projector(dataSource, p, { viewCache }));
    this.group = new ProjectorGroup(dataSource, projections, { viewCache });
  }

  async start(): Promise<void> {
    const nudge = () => {
      this.pending = true;
      this.wake?.();
    };
    this.unsubscribe = onEventsAppended(nudge);
    this.listener = new pg.Client({ connectionString: this.options.databaseUrl });
    this.listener.on('notification', nudge);
    this.listener.on('error', (error) => this.options.onError?.(error, 'listener'));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${EVENTS_APPENDED_CHANNEL}`);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.wake?.();
    this.wake = undefined;
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.pending = false;
      // All projections in one transaction while they are level; one by one otherwise, or when the group's window
      // failed (each projection's error is then reported on its own, and the others go on).
      const together = this.projectors.length > 1 ? await this.group.catchUp().catch(() => undefined) : undefined;
      if (together === undefined) {
        for (const [i, projector] of this.projectors.entries()) {
          try {
            await projector.catchUp();
          } catch (error) {
            this.options.onError?.(error, this.projections[i]?.name ?? 'unknown');
          }
        }
      }
      if (this.stopped) break;
      if (this.pending) {
        // Appends keep coming (load): gather them for a moment, so each pass applies a batch in one transaction
        // per projection instead of one per event. Read-your-writes waits (`minVersion`) absorb the delay.
        await new Promise((resolve) => setTimeout(resolve, COALESCE_MS));
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
