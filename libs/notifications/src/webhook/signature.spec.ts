import { signBody, verifySignature } from './signature.js';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of the exact body under the secret', () => {
    // Well-known HMAC-SHA256 vector (key "key").
    expect(signBody('The quick brown fox jumps over the lazy dog', 'key')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('verifies only the same body under the same secret', () => {
    const body = '{"notificationId":"n-1"}';
    const header = signBody(body, 'a-secret-of-sixteen+');
    expect(verifySignature(body, 'a-secret-of-sixteen+', header)).toBe(true);
    expect(verifySignature(`${body} `, 'a-secret-of-sixteen+', header)).toBe(false);
    expect(verifySignature(body, 'another-secret-0000', header)).toBe(false);
    expect(verifySignature(body, 'a-secret-of-sixteen+', undefined)).toBe(false);
    expect(verifySignature(body, 'a-secret-of-sixteen+', 'sha256=00')).toBe(false);
  });
});
