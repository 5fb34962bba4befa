import { verifyAll, verifyStream, type ChainAnchor, type StoreVerification, type StreamVerification } from '@trialflow/event-store';
import type { DataSource } from 'typeorm';
import { stateAsOf, type AsOfBasis, type StateAsOf } from './state-as-of.js';
import { timeline, type TimelineEntry } from './timeline.js';

export * from './timeline.js';
export * from './state-as-of.js';
export { verifyAll, verifyStream, type BrokenLink, type BrokenLinkReason, type ChainAnchor, type StoreVerification, type StreamVerification } from '@trialflow/event-store';

/**
 * The inspector's questions about the record, answered from the event store alone (never from a read model):
 * the timeline of a stream, its state as of any instant, and the integrity of its hash chain.
 */
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  timeline(streamId: string): Promise<TimelineEntry[]> {
    return timeline(this.dataSource.manager, streamId);
  }

  stateAsOf(streamId: string, instant: Date, basis: AsOfBasis): Promise<StateAsOf> {
    return stateAsOf(this.dataSource.manager, streamId, instant, basis);
  }

  verifyStream(streamId: string, anchor?: ChainAnchor): Promise<StreamVerification> {
    return verifyStream(this.dataSource.manager, streamId, anchor);
  }

  verifyAll(): Promise<StoreVerification> {
    return verifyAll(this.dataSource.manager);
  }
}
