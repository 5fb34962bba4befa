import type { DataSource, EntityManager } from 'typeorm';
import { ParticipantViews, ViewCache } from '../participant-view/participant-views.js';
import { loadCheckpoint, lockProjection, saveCheckpoint } from './checkpoints.js';
import { readFeed } from './event-feed.js';
import type { Projection, ProjectionContext } from './projection.js';

export interface ProjectorOptions {
  /** Most events applied in one transaction (one checkpoint step). */
  readonly batchSize?: number;
  /** Events read from the feed per query. */
  readonly pageSize?: number;
  /** Ends a window early once this many participants wait to be written (bounds memory in a rebuild). */
  readonly maxDirtyParticipants?: number;
  /** Folded participant views kept between windows; the projectors of one process may share one. */
  readonly viewCache?: ViewCache;
  /** Write into the tables' fresh copies, under the rebuild's own checkpoint and lock (rebuild-projections.ts). */
  readonly rebuild?: boolean;
}

export const REBUILD_TABLE_SUFFIX = '__rebuild';
export const liveLockKey = (projection: string): string => `projection:${projection}`;
export const rebuildLockKey = (projection: string): string => `projection-rebuild:${projection}`;
export const rebuildCheckpointName = (projection: string): string => `${projection}@rebuild`;

/**
 * Applies the feed to one projection, a window at a time. Each window is one transaction that holds the
 * projection's advisory lock, reads the checkpoint, applies the events, writes the rows and stores the new
 * checkpoint: a second projector instance waits on the lock, and a crash rolls back the whole window, so it
 * resumes exactly where the last committed window ended, never skipping and never re-applying.
 */
export class Projector {
  private readonly options: Required<Omit<ProjectorOptions, 'rebuild' | 'viewCache'>> & { rebuild: boolean };
  private readonly context: ProjectionContext;

  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: Projection,
    options: number | ProjectorOptions = {},
  ) {
    const o = typeof options === 'number' ? { batchSize: options } : options;
    const batchSize = o.batchSize ?? 500;
    this.options = {
      batchSize,
      pageSize: o.pageSize ?? Math.min(batchSize, 5_000),
      maxDirtyParticipants: o.maxDirtyParticipants ?? Number.MAX_SAFE_INTEGER,
      rebuild: o.rebuild ?? false,
    };
    const suffix = this.options.rebuild ? REBUILD_TABLE_SUFFIX : '';
    this.context = { table: (name) => `${name}${suffix}`, views: new ParticipantViews(o.viewCache) };
  }

  get checkpointName(): string {
    return this.options.rebuild ? rebuildCheckpointName(this.projection.name) : this.projection.name;
  }

  /** Applies at most one window in a transaction of its own; returns how many events it applied. */
  runBatch(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.transaction((tx) => this.runWindow(tx));
  }

  /**
   * Applies windows until the feed has nothing more to give. A window that read the feed to its end is the last:
   * no extra empty window (one transaction per projection per wake-up is what matters under load); anything
   * committed meanwhile comes with the next wake-up or poll.
   */
  async catchUp(manager?: EntityManager): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.runBatch(manager);
      total += applied;
      if (applied === 0 || this.feedExhausted) return total;
    }
  }

  /** Whether the last window stopped because the feed had no more events (not because the window was full). */
  private feedExhausted = false;

  /** One window inside the caller's transaction (the rebuild's switch runs its last windows this way). */
  async runWindow(tx: EntityManager): Promise<number> {
    const { batchSize, pageSize, maxDirtyParticipants, rebuild } = this.options;
    await lockProjection(tx, rebuild ? rebuildLockKey(this.projection.name) : liveLockKey(this.projection.name));
    // Reads only until the flush: a write would give this transaction an xid, and the feed's snapshot filter
    // would then hide events of transactions that took their xid after it (they would wait a window, no more).
    let position = await loadCheckpoint(tx, this.checkpointName);
    this.context.views.beginWindow();
    let applied = 0;
    this.feedExhausted = false;
    for (;;) {
      const limit = Math.min(pageSize, batchSize - applied);
      const events = await readFeed(tx, position, limit, this.projection.metadataOf ? { metadataOf: this.projection.metadataOf } : {});
      const last = events.at(-1);
      if (last) {
        await this.projection.apply(tx, events, this.context);
        position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
        applied += events.length;
      }
      if (events.length < limit) this.feedExhausted = true;
      if (events.length < limit || applied >= batchSize || this.context.views.dirtyCount >= maxDirtyParticipants) break;
    }
    if (applied === 0) return 0;
    await this.projection.flush?.(tx, this.context);
    await saveCheckpoint(tx, this.checkpointName, position);
    return applied;
  }
}
