import type { AuthenticatedUser } from './authenticated-user.js';
import { VerifiedTokens } from './verified-tokens.js';

const user: AuthenticatedUser = { id: 'coordinator.a', name: 'Li Na', role: 'coordinator', sites: ['DEMO-01'] };
const at = (seconds: number) => seconds * 1000;

describe('verified tokens', () => {
  it('answers a token verified before, and no other (an altered token is another key)', () => {
    const verified = new VerifiedTokens();
    verified.remember('header.payload.signature', { exp: 2_000 }, user);
    expect(verified.find('header.payload.signature', at(1_000))).toBe(user);
    expect(verified.find('header.payload.signaturf', at(1_000))).toBeUndefined();
    expect(verified.find('header.payload.signature ', at(1_000))).toBeUndefined();
  });

  it('stops answering at the instant the token expires or before it is valid, as the verifier would', () => {
    const verified = new VerifiedTokens();
    verified.remember('t', { exp: 2_000, nbf: 1_000 }, user);
    expect(verified.find('t', at(999.9))).toBeUndefined();
    verified.remember('t', { exp: 2_000, nbf: 1_000 }, user);
    expect(verified.find('t', at(1_999.9))).toBe(user);
    expect(verified.find('t', at(2_000))).toBeUndefined(); // jose: exp <= now is expired
    // Forgotten once expired: a later clock going back does not revive it (it is verified in full again).
    expect(verified.find('t', at(1_500))).toBeUndefined();
  });

  it('applies the same clock tolerance as the verifier (OIDC: 30 s)', () => {
    const verified = new VerifiedTokens(30);
    verified.remember('t', { exp: 2_000 }, user);
    expect(verified.find('t', at(2_029))).toBe(user);
    expect(verified.find('t', at(2_030))).toBeUndefined();
  });

  it('keeps no token without an expiry', () => {
    const verified = new VerifiedTokens();
    verified.remember('t', {}, user);
    expect(verified.find('t', at(1))).toBeUndefined();
  });
});
