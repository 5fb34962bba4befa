import { InvalidAppendError } from '../errors.js';
import type { AppendRequest, NewEvent } from './append-request.js';
import { prepareAppend } from './prepare-append.js';

const metadata = { actor: { id: 'coord-1', role: 'coordinator' }, commandId: 'c-1', correlationId: 'r-1', causationId: 'c-1' };
const event = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: '8D1E2F7A-5B7C-4F0E-9A3B-2C6D4E8F1A20',
  eventType: 'VisitCompleted',
  schemaVersion: 1,
  data: { visitId: 'M3' },
  metadata,
  occurredAt: '2026-06-07T10:00:00+08:00',
  ...overrides,
});
const request = (events: NewEvent[], expectedVersion = 4): AppendRequest => ({ streamId: 's-1', streamType: 'participant', expectedVersion, events });

describe('prepareAppend', () => {
  it('sends one canonical body per event and line, at the positions after the expected version, normalised as it will be read back', () => {
    const second = event({ eventId: '0d5f4c1e-9d51-4f7b-8e5b-9a102b1f0c8e', data: { at: new Date('2026-06-07T02:00:00Z'), skipped: undefined } });
    const lines = prepareAppend(request([event(), second])).split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { streamId: 's-1', streamPosition: 5, eventId: '8d1e2f7a-5b7c-4f0e-9a3b-2c6d4e8f1a20', eventType: 'VisitCompleted', schemaVersion: 1, occurredAt: '2026-06-07T02:00:00.000Z', data: { visitId: 'M3' }, metadata },
      expect.objectContaining({ streamPosition: 6, data: { at: '2026-06-07T02:00:00.000Z' } }),
    ]);
  });

  it.each([
    ['no events', request([]), /at least one event/],
    ['a negative expected version', request([event()], -1), /expectedVersion/],
    ['an id that is not a UUID', request([event({ eventId: 'e-1' })]), /eventId must be a UUID/],
    ['the same id twice', request([event(), event()]), /appears twice/],
    ['no actor', request([event({ metadata: { ...metadata, actor: undefined } })]), /actor needs an id and a role/],
    ['no correlation id', request([event({ metadata: { ...metadata, correlationId: '' } })]), /correlationId is required/],
    ['a local time without offset', request([event({ occurredAt: '2026-06-07 10:00' })]), /occurredAt/],
    ['data that is not an object', request([event({ data: [1, 2] })]), /data must be an object/],
    ['data JSON cannot hold', request([event({ data: { dose: 10n } })]), /data must be an object/],
  ])('refuses %s', (_case, bad, message) => {
    expect(() => prepareAppend(bad)).toThrow(InvalidAppendError);
    expect(() => prepareAppend(bad)).toThrow(message);
  });
});
