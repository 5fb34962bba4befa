import { summarize, type ParticipantState, type ParticipantSummary } from '@trialflow/domain';
import type { EntityManager } from 'typeorm';
import { emptyView, evolveView, type ParticipantView } from '../participant-view/participant-view.js';
import { entryPositions, readAuditedEvents, type AuditedEvent } from './audited-events.js';

/**
 * `recorded`: what the record said at that instant, i.e. the events recorded up to it (recording times never
 * decrease within a stream, so this is a prefix of the stream). `clinical`: what had happened at the site by
 * then, as known now, i.e. the events that occurred up to it; a correction or a void restates an entry, so
 * it goes with the entry it corrects even when it was made later.
 */
export type AsOfBasis = 'recorded' | 'clinical';

export interface StateAsOf {
  readonly streamId: string;
  readonly asOf: string;
  readonly basis: AsOfBasis;
  readonly state: ParticipantState;
  readonly summary: ParticipantSummary;
  /** The read models' view of the same events: what the worklist, deviations and safety rows derive from. */
  readonly view: ParticipantView;
  /** Stream positions folded, in order. */
  readonly positions: readonly number[];
  /** The stream's version today, for comparison. */
  readonly currentVersion: number;
}

const restates = (e: AuditedEvent): boolean => e.eventType === 'EntryCorrected' || e.eventType === 'EntryVoided';

/** Events that occurred by the cutoff, and the corrections and voids of the entries among them. */
function clinicalSelection(all: readonly AuditedEvent[], cutoff: number): AuditedEvent[] {
  const entries = entryPositions(all);
  const occurred = new Set(all.filter((e) => Date.parse(e.occurredAt) <= cutoff).map((e) => e.streamPosition));
  const restatesOccurred = (e: AuditedEvent): boolean => {
    const target = typeof e.data.entryId === 'string' ? entries.get(e.data.entryId) : undefined;
    return target !== undefined && occurred.has(target);
  };
  return all.filter((e) => (restates(e) ? restatesOccurred(e) : occurred.has(e.streamPosition)));
}

/**
 * The read models' own fold (`evolveView`: the domain's `evolve` plus the audit facts the rows need) over the
 * events selected. A selection by clinical time is not a prefix of the stream (a later correction goes with
 * the entry it restates), so each event is folded as the next one: the position check of `evolveView` guards a
 * projection against a gap, which this selection has by design.
 */
const viewOf = (streamId: string, events: readonly AuditedEvent[]): ParticipantView =>
  events.reduce((view, event) => evolveView({ ...view, version: event.streamPosition - 1 }, event), emptyView(streamId));

/** The participant's state as of any instant: the domain's own fold over the events selected by the basis. */
export async function stateAsOf(db: EntityManager, streamId: string, instant: Date, basis: AsOfBasis): Promise<StateAsOf> {
  const all = await readAuditedEvents(db, streamId);
  const cutoff = instant.getTime();
  const selected = basis === 'recorded' ? all.filter((e) => Date.parse(e.recordedAt) <= cutoff) : clinicalSelection(all, cutoff);
  const view = viewOf(streamId, selected);
  return {
    streamId,
    asOf: instant.toISOString(),
    basis,
    state: view.state,
    summary: summarize(view.state),
    view,
    positions: selected.map((e) => e.streamPosition),
    currentVersion: all.at(-1)?.streamPosition ?? 0,
  };
}
