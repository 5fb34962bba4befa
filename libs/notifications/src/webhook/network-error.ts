/**
 * A short, safe description of a failed fetch. undici reports `TypeError: fetch failed` and hides the reason in
 * `cause` (ECONNREFUSED, ENOTFOUND, ECONNRESET…); the URL and any message text are left out on purpose, since
 * this string ends up in events and Temporal failures.
 */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; name?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code) return `network error: ${code}`;
  const name = typeof cause?.name === 'string' ? cause.name : error instanceof Error ? error.name : 'unknown';
  return `network error: ${name}`;
}
