import { storedEventColumns, toStoredEvent, type StoredEvent, type StoredEventRow } from '@trialflow/event-store';
import type { EntityManager } from 'typeorm';
import { emptyView, evolveView, isParticipantStream, type ParticipantView } from './participant-view.js';

interface Range {
  readonly streamId: string;
  readonly after: number;
  readonly upTo: number;
}

/**
 * Folded participant views, least recently used first out. Shareable by the projectors of one process: a view
 * is the fold of a stream's first `version` events, all committed, so any projector may start from it.
 */
export class ViewCache {
  private readonly views = new Map<string, ParticipantView>();

  constructor(private readonly capacity = 2_000) {}

  get(streamId: string): ParticipantView | undefined {
    return this.views.get(streamId);
  }

  remember(view: ParticipantView): void {
    const known = this.views.get(view.streamId);
    if (known && known.version > view.version) return;
    this.views.delete(view.streamId);
    this.views.set(view.streamId, view);
    if (this.views.size > this.capacity) {
      const oldest = this.views.keys().next().value;
      if (oldest !== undefined) this.views.delete(oldest);
    }
  }
}

/**
 * The participant views one projector works with, and the ones touched since its window began (to be
 * written). Views are keyed by stream and carry their version; since stored events never change, a cached
 * view stays valid forever, including across a rolled-back window. The feed may deliver a stream's events
 * out of position order when appends ran inside longer transactions (xid order is not commit order), so the
 * stream itself is the truth: positions already folded are skipped, and missing ones are read from the store
 * (they are committed: a later position of a stream is only appended once the earlier ones are).
 */
export class ParticipantViews {
  private readonly touched = new Map<string, ParticipantView>();

  constructor(private readonly cache: ViewCache = new ViewCache()) {}

  /** Starts a window: nothing is waiting to be written. */
  beginWindow(): void {
    this.touched.clear();
  }

  get dirtyCount(): number {
    return this.touched.size;
  }

  /** Views touched in this window, each at the highest position delivered for its stream. */
  dirtyViews(): ParticipantView[] {
    return [...this.touched.values()];
  }

  /** Folds a page of the feed into the views (reading, never writing: the window's transaction has no xid yet). */
  async advance(db: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of events) {
      if (!isParticipantStream(event.streamId)) continue;
      const list = byStream.get(event.streamId);
      if (list) list.push(event);
      else byStream.set(event.streamId, [event]);
    }
    const missing: Range[] = [];
    const plans: { streamId: string; base: ParticipantView; events: StoredEvent[] }[] = [];
    for (const [streamId, list] of byStream) {
      list.sort((a, b) => a.streamPosition - b.streamPosition);
      // Views only move forward: a cached view may be ahead of the feed (positions read from the store, or
      // folded by another projector), and every position it folded is committed, so an event delivered
      // later for those positions changes nothing; the rows then reflect the later version, which is true.
      const base = this.touched.get(streamId) ?? this.cache.get(streamId) ?? emptyView(streamId);
      const upTo = Math.max(list.at(-1)!.streamPosition, base.version);
      const pending = list.filter((e) => e.streamPosition > base.version);
      const contiguous = pending.every((e, i) => e.streamPosition === base.version + 1 + i);
      if (!contiguous) missing.push({ streamId, after: base.version, upTo });
      plans.push({ streamId, base, events: contiguous ? pending : [] });
    }
    const loaded = missing.length > 0 ? await readRanges(db, missing) : new Map<string, StoredEvent[]>();
    for (const plan of plans) {
      const view = (loaded.get(plan.streamId) ?? plan.events).reduce(evolveView, plan.base);
      this.touched.set(plan.streamId, view);
      this.cache.remember(view);
    }
  }
}

async function readRanges(db: EntityManager, ranges: readonly Range[]): Promise<Map<string, StoredEvent[]>> {
  const rows = (await db.query(
    `SELECT ${storedEventColumns('e')} FROM events e
     JOIN unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(stream_id, after, up_to)
       ON e.stream_id = r.stream_id AND e.stream_position > r.after AND e.stream_position <= r.up_to
     ORDER BY e.stream_id, e.stream_position`,
    [ranges.map((r) => r.streamId), ranges.map((r) => r.after), ranges.map((r) => r.upTo)],
  )) as StoredEventRow[];
  const byStream = new Map<string, StoredEvent[]>(ranges.map((r) => [r.streamId, []]));
  for (const row of rows) byStream.get(row.stream_id)?.push(toStoredEvent(row));
  return byStream;
}
