/** One SMTP reply (RFC 5321 §4.2): a three-digit code and one or more text lines. */
export interface SmtpReply {
  readonly code: number;
  readonly lines: readonly string[];
}

export class SmtpProtocolError extends Error {
  override readonly name = 'SmtpProtocolError';
}

/** A reply is at most a few lines; a peer that streams more without ending one is not an SMTP server. */
const MAX_PENDING_BYTES = 64 * 1024;

/**
 * Incremental reply parser. Multi-line replies are `250-first`, `250-…`, `250 last`: every line carries the
 * same code and only the last has a space (or nothing) after it. Lines end in CRLF; a bare LF is tolerated on
 * input (some servers send it), never produced.
 */
export class SmtpReplyParser {
  private pending = '';
  private lines: string[] = [];
  private code: number | undefined;

  push(chunk: string): SmtpReply[] {
    this.pending += chunk;
    const replies: SmtpReply[] = [];
    for (let end = this.pending.indexOf('\n'); end >= 0; end = this.pending.indexOf('\n')) {
      const line = this.pending.slice(0, end).replace(/\r$/, '');
      this.pending = this.pending.slice(end + 1);
      const reply = this.line(line);
      if (reply) replies.push(reply);
    }
    if (this.pending.length > MAX_PENDING_BYTES) throw new SmtpProtocolError('reply line too long');
    return replies;
  }

  private line(line: string): SmtpReply | undefined {
    const match = /^([2-5]\d\d)([ -]|$)(.*)$/.exec(line);
    if (!match) throw new SmtpProtocolError(`malformed reply line: ${JSON.stringify(line.slice(0, 80))}`);
    const code = Number(match[1]);
    if (this.code !== undefined && this.code !== code) throw new SmtpProtocolError(`reply code changed within a multi-line reply (${this.code} then ${code})`);
    this.code = code;
    this.lines.push(match[3] ?? '');
    if (match[2] === '-') return undefined;
    const reply = { code, lines: this.lines };
    this.lines = [];
    this.code = undefined;
    return reply;
  }
}

export const replyText = (reply: SmtpReply): string => `${reply.code} ${reply.lines.join(' / ')}`.slice(0, 300);
