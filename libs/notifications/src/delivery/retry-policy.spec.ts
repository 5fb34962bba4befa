import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from './retry-policy.js';

const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 1_000, backoffCoefficient: 2, maxDelayMs: 5_000, maxRetryAfterMs: 20_000 };

describe('retry policy', () => {
  it('doubles the wait after each failed attempt, up to the cap, with half of it jittered', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n, undefined, () => 1))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    expect([1, 2, 3].map((n) => retryDelayMs(policy, n, undefined, () => 0))).toEqual([500, 1_000, 2_000]);
  });

  it('follows the receiver\'s Retry-After instead, capped', () => {
    expect(retryDelayMs(policy, 1, 7_000, () => 1)).toBe(7_000);
    expect(retryDelayMs(policy, 1, 600_000, () => 1)).toBe(20_000);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores anything else', () => {
    const now = new Date('2026-06-02T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 02 Jun 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('keeps the default worst case of one channel inside the workflow\'s 2-minute activity timeout', () => {
    expect(DEFAULT_RETRY_POLICY.maxElapsedMs).toBeLessThan(120_000);
  });
});
