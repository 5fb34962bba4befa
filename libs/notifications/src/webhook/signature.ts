import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Trialflow-Signature';
export const TIMESTAMP_HEADER = 'X-Trialflow-Timestamp';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`: receivers must verify over the raw body, before parsing it. */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of a signature header, for receivers (and the tests' receiver). */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
