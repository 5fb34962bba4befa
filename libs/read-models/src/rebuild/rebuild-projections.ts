import type { DataSource } from 'typeorm';
import { loadCheckpoint, lockProjection, saveCheckpoint } from '../projector/checkpoints.js';
import { ViewCache } from '../participant-view/participant-views.js';
import type { FeedCheckpoint } from '../projector/event-feed.js';
import type { Projection } from '../projector/projection.js';
import { Projector, liveLockKey, rebuildLockKey } from '../projector/projector.js';
import { createFreshTables, swapInFreshTables } from './table-swap.js';

export interface RebuildOptions {
  /** Events read from the feed per query. */
  readonly pageSize?: number;
  /** Participants folded in memory before their rows are written (bounds memory on long histories). */
  readonly maxDirtyParticipants?: number;
}

export interface RebuildReport {
  readonly projections: readonly string[];
  readonly tables: readonly string[];
  readonly events: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
  readonly checkpoint: FeedCheckpoint;
}

export class RebuildInProgressError extends Error {
  override readonly name = 'RebuildInProgress';
}

/** Several projections rebuilt in one pass over the feed: one fold per participant feeds all of them. */
function together(projections: readonly Projection[]): Projection {
  if (projections.length === 1) return projections[0]!;
  return {
    name: projections.map((p) => p.name).join('+'),
    tables: projections.flatMap((p) => p.tables),
    ...(projections.every((p) => p.metadataOf) ? { metadataOf: [...new Set(projections.flatMap((p) => p.metadataOf ?? []))] } : {}),
    async apply(tx, events, context) {
      for (const p of projections) await p.apply(tx, events, context);
    },
    async flush(tx, context) {
      for (const p of projections) await p.flush?.(tx, context);
    },
  };
}

/**
 * Rebuilds projections from position zero into fresh copies of their tables while the live projectors keep
 * serving and updating the current ones, then switches: under the live projections' locks it applies the
 * last events, swaps the tables and moves the live checkpoints to where the rebuild stopped, in one
 * transaction. Readers never see a half-built read model; nothing is skipped or applied twice around the switch.
 * Run it with the schema owner's credentials (it creates and drops tables).
 */
export async function rebuildProjections(dataSource: DataSource, projections: readonly Projection[], options: RebuildOptions = {}): Promise<RebuildReport> {
  if (projections.length === 0) throw new Error('nothing to rebuild');
  const names = projections.map((p) => p.name).sort();
  const projection = together(projections);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const held: string[] = [];
  try {
    for (const name of names) {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [rebuildLockKey(name)])) as [{ locked: boolean }];
      if (!row.locked) throw new RebuildInProgressError(`A rebuild of '${name}' is already running.`);
      held.push(name);
    }
    const started = performance.now();
    const projector = new Projector(dataSource, projection, {
      rebuild: true,
      batchSize: Number.MAX_SAFE_INTEGER,
      pageSize: options.pageSize ?? 50_000,
      maxDirtyParticipants: options.maxDirtyParticipants ?? 25_000,
      viewCache: new ViewCache(options.maxDirtyParticipants ?? 25_000),
    });
    await createFreshTables(runner.manager, projection.tables);
    await runner.query(`DELETE FROM projection_checkpoints WHERE projection_name = $1`, [projector.checkpointName]);
    let events = await projector.catchUp(runner.manager);
    const checkpoint = await runner.manager.transaction(async (tx) => {
      for (const name of names) await lockProjection(tx, liveLockKey(name));
      for (let applied = await projector.runWindow(tx); applied > 0; applied = await projector.runWindow(tx)) events += applied;
      await swapInFreshTables(tx, projection.tables);
      const reached = await loadCheckpoint(tx, projector.checkpointName);
      for (const name of names) await saveCheckpoint(tx, name, reached);
      await tx.query(`DELETE FROM projection_checkpoints WHERE projection_name = $1`, [projector.checkpointName]);
      return reached;
    });
    const durationMs = performance.now() - started;
    return { projections: names, tables: projection.tables, events, durationMs: Math.round(durationMs), eventsPerSecond: Math.round((events / durationMs) * 1000), checkpoint };
  } finally {
    for (const name of held) await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [rebuildLockKey(name)]).catch(() => undefined);
    await runner.release();
  }
}
