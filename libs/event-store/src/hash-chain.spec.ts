import { sha256Hex } from '@trialflow/domain';
import { GENESIS_HASH, canonicalBody, chainHash } from './hash-chain.js';

const content = {
  streamId: 'participant-2b1f0c8e-0d5f-4c1e-9d51-3f7b8e5b9a10',
  streamPosition: 1,
  eventId: '8d1e2f7a-5b7c-4f0e-9a3b-2c6d4e8f1a20',
  eventType: 'ParticipantRegistered',
  schemaVersion: 1,
  occurredAt: '2026-03-02T01:30:00.000Z',
  data: { participantCode: 'UC-SLE-0001', trialId: 'ucart-cd19-bcma', cohortId: 'SLE', siteId: 'DEMO-01' },
  metadata: { actor: { id: 'coord-1', role: 'coordinator', siteId: 'DEMO-01' }, commandId: 'c-1', correlationId: 'r-1', causationId: 'c-1' },
};

describe('hash chain encoding', () => {
  it('encodes an event canonically: sorted keys at every depth, no whitespace, whatever order it was built in', () => {
    const reordered = { ...content, metadata: { causationId: 'c-1', correlationId: 'r-1', commandId: 'c-1', actor: { siteId: 'DEMO-01', role: 'coordinator', id: 'coord-1' } } };
    expect(canonicalBody(reordered)).toBe(canonicalBody(content));
    expect(canonicalBody(content)).toBe(
      '{"data":{"cohortId":"SLE","participantCode":"UC-SLE-0001","siteId":"DEMO-01","trialId":"ucart-cd19-bcma"},"eventId":"8d1e2f7a-5b7c-4f0e-9a3b-2c6d4e8f1a20",' +
        '"eventType":"ParticipantRegistered","metadata":{"actor":{"id":"coord-1","role":"coordinator","siteId":"DEMO-01"},"causationId":"c-1","commandId":"c-1",' +
        '"correlationId":"r-1"},"occurredAt":"2026-03-02T01:30:00.000Z","schemaVersion":1,"streamId":"participant-2b1f0c8e-0d5f-4c1e-9d51-3f7b8e5b9a10","streamPosition":1}',
    );
  });

  it('never puts a line feed in a body (bodies travel one per line), even when the data holds one', () => {
    expect(canonicalBody({ ...content, data: { note: 'line one\nline two' } })).not.toContain('\n');
  });

  it('hashes exactly the documented string, as an independent SHA-256 implementation computes it', () => {
    const body = canonicalBody(content);
    const recordedAt = '2026-03-02T01:30:00.123Z';
    expect(chainHash(GENESIS_HASH, recordedAt, body)).toBe(sha256Hex(`trialflow.event.v1\n${GENESIS_HASH}\n${recordedAt}\n${body}`));
  });

  it('is frozen: this event, recorded at this instant after the genesis hash, always hashes to this value', () => {
    expect(chainHash(GENESIS_HASH, '2026-03-02T01:30:00.123Z', canonicalBody(content))).toBe('c014d5211c21a526351181bb547a66e9acadaa52ba9def8ed24a51860137541c');
  });

  it('changes with any change of content, position, recording time or predecessor', () => {
    const base = chainHash(GENESIS_HASH, '2026-03-02T01:30:00.123Z', canonicalBody(content));
    expect(chainHash(GENESIS_HASH, '2026-03-02T01:30:00.124Z', canonicalBody(content))).not.toBe(base);
    expect(chainHash('1'.repeat(64), '2026-03-02T01:30:00.123Z', canonicalBody(content))).not.toBe(base);
    expect(chainHash(GENESIS_HASH, '2026-03-02T01:30:00.123Z', canonicalBody({ ...content, streamPosition: 2 }))).not.toBe(base);
    expect(chainHash(GENESIS_HASH, '2026-03-02T01:30:00.123Z', canonicalBody({ ...content, data: { ...content.data, cohortId: 'MG' } }))).not.toBe(base);
  });
});
