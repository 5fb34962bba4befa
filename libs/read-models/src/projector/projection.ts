import type { StoredEvent } from '@trialflow/event-store';
import type { EntityManager } from 'typeorm';
import type { ParticipantViews } from '../participant-view/participant-views.js';

export interface ProjectionContext {
  /** Physical name of one of the projection's tables: the live table, or its fresh copy during a rebuild. */
  table(name: string): string;
  /** Participant views folded by this projector so far (see ParticipantViews). */
  readonly views: ParticipantViews;
}

/**
 * A projection applies the feed to its read-model tables inside the projector's transaction, the same one
 * that advances its checkpoint: a crash leaves both as they were, so nothing is skipped or applied twice.
 * `apply` receives the feed page by page; `flush`, when present, writes what `apply` kept back, just before
 * the checkpoint is stored. `tables` are the tables it owns: a rebuild creates fresh copies and swaps them in.
 */
export interface Projection {
  readonly name: string;
  readonly tables: readonly string[];
  /** The event types whose metadata `apply` reads; the others arrive with empty metadata. Omitted: all. */
  readonly metadataOf?: readonly string[];
  apply(tx: EntityManager, events: readonly StoredEvent[], context: ProjectionContext): Promise<void>;
  flush?(tx: EntityManager, context: ProjectionContext): Promise<void>;
}
