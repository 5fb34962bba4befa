import type { StoredEvent } from '@trialflow/event-store';
import type { EntityManager } from 'typeorm';

/**
 * A projection applies events to its read-model tables inside the projector's transaction, the same one
 * that advances its checkpoint: a crash leaves both as they were, so nothing is skipped or applied twice.
 */
export interface Projection {
  readonly name: string;
  apply(tx: EntityManager, event: StoredEvent): Promise<void>;
}
