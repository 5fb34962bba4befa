import type { DataSource, EntityManager } from 'typeorm';
import { readFeed, type FeedCheckpoint } from './event-feed.js';
import type { Projection } from './projection.js';

/**
 * Applies the feed to one projection, batch by batch. Each batch runs in one transaction that holds the
 * projection's advisory lock, reads the checkpoint, applies the events and writes the new checkpoint:
 * a second projector instance waits on the lock, and a crash rolls back the whole batch.
 */
export class Projector {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: Projection,
    private readonly batchSize = 500,
  ) {}

  /** Applies at most one batch; returns how many events it applied. */
  runBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`projection:${this.projection.name}`]);
      const checkpoint = await this.loadCheckpoint(tx);
      const events = await readFeed(tx, checkpoint, this.batchSize);
      for (const event of events) await this.projection.apply(tx, event);
      const last = events.at(-1);
      if (last) {
        await tx.query(
          `INSERT INTO projection_checkpoints (projection_name, last_transaction_id, last_global_position) VALUES ($1, $2::xid8, $3)
           ON CONFLICT (projection_name) DO UPDATE
           SET last_transaction_id = EXCLUDED.last_transaction_id, last_global_position = EXCLUDED.last_global_position, updated_at = now()`,
          [this.projection.name, last.transactionId, last.globalPosition],
        );
      }
      return events.length;
    });
  }

  /** Applies batches until the feed has nothing more to give. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let applied = await this.runBatch(); applied > 0; applied = await this.runBatch()) total += applied;
    return total;
  }

  // Reads only: writing before the feed query would give this transaction an xid of its own, and the feed's
  // snapshot filter would then hide events committed by transactions that took their xid after it.
  private async loadCheckpoint(tx: EntityManager): Promise<FeedCheckpoint> {
    const [row] = (await tx.query(
      `SELECT last_transaction_id::text AS tx, last_global_position AS pos FROM projection_checkpoints WHERE projection_name = $1`,
      [this.projection.name],
    )) as { tx: string; pos: string }[];
    return { transactionId: row?.tx ?? '0', globalPosition: Number(row?.pos ?? 0) };
  }
}
