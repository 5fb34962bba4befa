import type { DataSource, EntityManager } from 'typeorm';
import { ParticipantViews, type ViewCache } from '../participant-view/participant-views.js';
import { FEED_START, readFeed, type FeedCheckpoint } from './event-feed.js';
import type { Projection, ProjectionContext } from './projection.js';
import { liveLockKey } from './projector.js';

const sameCheckpoint = (a: FeedCheckpoint, b: FeedCheckpoint) => a.transactionId === b.transactionId && a.globalPosition === b.globalPosition;

/**
 * The live projections advanced together while their checkpoints agree (the normal case): one transaction per
 * window for all of them — their advisory locks, their checkpoints, one read of the feed, every projection's
 * rows, every checkpoint — instead of one transaction per projection, each reading the same events again. Under
 * load this is most of the projectors' round trips and commits. The guarantees are each projection's own: its
 * rows and its checkpoint commit together under its lock, so nothing is skipped or applied twice.
 *
 * When the checkpoints differ (a projection failed and stayed behind, or was just rebuilt) `catchUp` answers
 * `undefined` and the caller catches each one up on its own (Projector), as before.
 */
export class ProjectorGroup {
  private readonly names: readonly string[];
  private readonly lockKeys: readonly string[];
  private readonly metadataOf: readonly string[] | undefined;
  private readonly context: ProjectionContext;
  private readonly batchSize: number;
  private feedExhausted = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: readonly Projection[],
    options: { readonly viewCache?: ViewCache; readonly batchSize?: number } = {},
  ) {
    this.names = projections.map((p) => p.name);
    // Always in the same (sorted) order, as the rebuild takes them: two lockers can never wait on each other in a cycle.
    this.lockKeys = [...this.names].sort().map(liveLockKey);
    this.metadataOf = projections.every((p) => p.metadataOf) ? [...new Set(projections.flatMap((p) => p.metadataOf ?? []))] : undefined;
    this.context = { table: (name) => name, views: new ParticipantViews(options.viewCache) };
    this.batchSize = options.batchSize ?? 500;
  }

  /**
   * Applies windows until the feed has nothing more to give (as Projector.catchUp); `undefined` when the
   * checkpoints disagree and the projections must be caught up one by one.
   */
  async catchUp(): Promise<number | undefined> {
    let total = 0;
    for (;;) {
      const applied = await this.dataSource.manager.transaction((tx) => this.runWindow(tx));
      if (applied === undefined) return total > 0 ? total : undefined;
      total += applied;
      if (applied === 0 || this.feedExhausted) return total;
    }
  }

  private async runWindow(tx: EntityManager): Promise<number | undefined> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS l(k, n) ORDER BY n', [this.lockKeys]);
    const rows = (await tx.query(
      `SELECT projection_name AS name, last_transaction_id::text AS tx, last_global_position AS pos FROM projection_checkpoints WHERE projection_name = ANY($1)`,
      [this.names],
    )) as { name: string; tx: string; pos: string }[];
    const checkpoints = this.names.map((name) => {
      const row = rows.find((r) => r.name === name);
      return row ? { transactionId: row.tx, globalPosition: Number(row.pos) } : FEED_START;
    });
    let position = checkpoints[0] ?? FEED_START;
    if (!checkpoints.every((c) => sameCheckpoint(c, position))) return undefined;
    // As in Projector.runWindow: only reads until the flush, so the feed's snapshot filter hides nothing.
    this.context.views.beginWindow();
    let applied = 0;
    this.feedExhausted = false;
    for (;;) {
      const limit = this.batchSize - applied;
      const events = await readFeed(tx, position, limit, this.metadataOf ? { metadataOf: this.metadataOf } : {});
      const last = events.at(-1);
      if (last) {
        for (const projection of this.projections) await projection.apply(tx, events, this.context);
        position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
        applied += events.length;
      }
      if (events.length < limit) this.feedExhausted = true;
      if (events.length < limit || applied >= this.batchSize) break;
    }
    if (applied === 0) return 0;
    for (const projection of this.projections) await projection.flush?.(tx, this.context);
    await tx.query(
      `INSERT INTO projection_checkpoints (projection_name, last_transaction_id, last_global_position) SELECT name, $2::xid8, $3 FROM unnest($1::text[]) AS n(name)
       ON CONFLICT (projection_name) DO UPDATE
       SET last_transaction_id = EXCLUDED.last_transaction_id, last_global_position = EXCLUDED.last_global_position, updated_at = now()`,
      [this.names, position.transactionId, position.globalPosition],
    );
    return applied;
  }
}
