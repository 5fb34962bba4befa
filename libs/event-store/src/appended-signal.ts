import { EventEmitter } from 'node:events';

/**
 * Wakes the projectors of this process as soon as an append through a PostgresEventStore of this process has
 * committed. In process, not NOTIFY: a transaction that notifies takes a database-wide lock at commit, so
 * every concurrent append would commit one after the other. The worker both appends (its activities) and
 * projects, so its own appends wake its own projectors at once; anything else (another process, an append
 * inside a caller's transaction) is picked up by the projectors' poll, or by a NOTIFY on
 * EVENTS_APPENDED_CHANNEL sent by whoever wants to wake them sooner.
 */
const signal = new EventEmitter();
signal.setMaxListeners(0);

export function onEventsAppended(listener: (streamId: string) => void): () => void {
  signal.on('appended', listener);
  return () => signal.off('appended', listener);
}

export function announceEventsAppended(streamId: string): void {
  signal.emit('appended', streamId);
}
