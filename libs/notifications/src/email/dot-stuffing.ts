/**
 * Prepares a message for the DATA command (RFC 5321 §4.5.2): every line ends in CRLF — bare CR and LF become
 * CRLF, so no "\n.\n" can end the data early (SMTP smuggling) — and a line that starts with "." gets a second
 * one, which the server removes. The result ends with the terminating "CRLF . CRLF".
 */
export function encodeSmtpData(message: string): string {
  const lines = message.replace(/\r\n|\r|\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return `${lines.map((line) => (line.startsWith('.') ? `.${line}` : line)).join('\r\n')}\r\n.\r\n`;
}
