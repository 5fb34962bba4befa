/** Characters allowed unquoted in a Message-ID's left part (RFC 5322 atext and "."); "%" is kept for escapes. */
const ID_TEXT = /[A-Za-z0-9!#$&'*+\-/=?^_`{|}~.]/;

/**
 * `<id@domain>` derived from the notification id, so the same reminder always has the same Message-ID.
 * Characters not allowed there (":" in "participant-X:visit:…") are %-escaped, which keeps the id readable
 * and the mapping reversible.
 */
export function messageIdFor(notificationId: string, from: string): string {
  const left = Array.from(notificationId, (ch) => (ID_TEXT.test(ch) ? ch : [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')))
    .join('')
    .replace(/^\.|\.$/g, '%2E')
    .replace(/\.\./g, '.%2E');
  const domain = /@([A-Za-z0-9.-]+)$/.exec(from)?.[1] ?? 'trialflow.invalid';
  return `<${left}@${domain}>`;
}

/** RFC 2047 encoded-words for a header value that is not plain ASCII, each ≤ 75 characters, folded. */
export function encodeHeaderValue(value: string): string {
  if (/^[\u0020-\u007e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** Base64 body lines of 76 characters (RFC 2045 §6.8). */
export function wrapBase64(base64: string): string {
  return base64.match(/.{1,76}/g)?.join('\r\n') ?? '';
}
