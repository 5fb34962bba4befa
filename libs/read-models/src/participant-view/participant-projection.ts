import type { ObjectLiteral } from 'typeorm';
import type { Projection } from '../projector/projection.js';
import { VIEW_METADATA_OF, type ParticipantView } from './participant-view.js';
import { replaceParticipantRows } from './row-writer.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One read-model table of a participant projection: its entity, and its rows as a pure function of a view. */
export interface ParticipantTable<R extends ObjectLiteral = ObjectLiteral> {
  readonly table: string;
  readonly entity: new () => R;
  rowsOf(view: ParticipantView): readonly R[];
}

/**
 * A projection whose rows are derived from each participant's folded view. `apply` only folds (it reads, so the
 * window's transaction takes no xid before the feed is read); `flush` replaces the rows of every participant
 * touched in the window, once, at the version the window reached, in the transaction that stores the
 * checkpoint. Re-applying a window therefore rewrites the same rows: applying is idempotent by construction.
 */
export function participantProjection(name: string, tables: readonly ParticipantTable[]): Projection {
  return {
    name,
    tables: tables.map((t) => t.table),
    metadataOf: VIEW_METADATA_OF,
    apply: (tx, events, context) => context.views.advance(tx, events),
    async flush(tx, context) {
      // Participant ids are UUIDs (the key of every table); a stream named otherwise cannot have rows.
      const views = context.views.dirtyViews().filter((v) => UUID.test(v.participantId));
      const ids = views.map((v) => v.participantId);
      for (const spec of tables) {
        await replaceParticipantRows(tx, context.table(spec.table), spec.entity, ids, views.flatMap((v) => spec.rowsOf(v)));
      }
    },
  };
}
