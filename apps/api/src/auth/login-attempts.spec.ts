import { LoginAttempts } from './login-attempts.js';

describe('lockout after repeated password failures', () => {
  let now = 0;
  const clock = () => now;
  const policy = { maxFailures: 5, lockMinutes: 15 };

  beforeEach(() => {
    now = Date.parse('2026-01-05T09:00:00Z');
  });

  it('locks after the fifth consecutive failure, for fifteen minutes', () => {
    const attempts = new LoginAttempts(policy, clock);
    for (let i = 1; i <= 4; i += 1) expect(attempts.recordFailure('coordinator.a')).toEqual({ locked: false });
    expect(attempts.lockedFor('coordinator.a')).toBeUndefined();
    expect(attempts.recordFailure('coordinator.a')).toEqual({ locked: true });
    expect(attempts.lockedFor('coordinator.a')).toBe(15 * 60);

    now += 14 * 60_000;
    expect(attempts.lockedFor('coordinator.a')).toBe(60);
    now += 60_000;
    expect(attempts.lockedFor('coordinator.a')).toBeUndefined();
    // After the lock the count starts again from zero.
    expect(attempts.recordFailure('coordinator.a')).toEqual({ locked: false });
  });

  it('a success ends the streak; failures of one account do not lock another', () => {
    const attempts = new LoginAttempts(policy, clock);
    for (let i = 0; i < 4; i += 1) attempts.recordFailure('coordinator.a');
    attempts.recordSuccess('coordinator.a');
    for (let i = 0; i < 4; i += 1) expect(attempts.recordFailure('coordinator.a').locked).toBe(false);
    expect(attempts.lockedFor('investigator.a')).toBeUndefined();
  });

  it('forgets failures older than the window', () => {
    const attempts = new LoginAttempts(policy, clock);
    for (let i = 0; i < 4; i += 1) attempts.recordFailure('coordinator.a');
    now += 15 * 60_000;
    expect(attempts.recordFailure('coordinator.a').locked).toBe(false);
  });

  it('stays bounded in memory, and spraying made-up names does not unlock a locked account', () => {
    const attempts = new LoginAttempts(policy, clock, 3);
    for (let i = 0; i < 5; i += 1) attempts.recordFailure('investigator.a');
    for (let i = 0; i < 100; i += 1) attempts.recordFailure(`nobody-${i}`);
    expect(attempts.lockedFor('investigator.a')).toBe(15 * 60);
    expect(attempts.lockedFor('nobody-0')).toBeUndefined();
  });
});
