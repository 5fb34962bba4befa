import { connect, isIPv6, type Socket } from 'node:net';
import { encodeSmtpData } from './dot-stuffing.js';
import { SmtpProtocolError, SmtpReplyParser, type SmtpReply } from './smtp-reply.js';

export interface SmtpTarget {
  readonly host: string;
  readonly port: number;
}

export interface SmtpEnvelope {
  readonly from: string;
  readonly to: readonly string[];
}

/** The server answered a command with a code we did not expect. 4xx is transient, 5xx permanent (RFC 5321 §4.2.1). */
export class SmtpReplyError extends Error {
  override readonly name = 'SmtpReplyError';
  constructor(readonly stage: string, readonly reply: SmtpReply) {
    super(`SMTP ${reply.code} after ${stage}`);
  }
}

/** The connection failed, closed or timed out: whether the message was taken is unknown when it happened after DATA. */
export class SmtpConnectionError extends Error {
  override readonly name = 'SmtpConnectionError';
}

const ENVELOPE_ADDRESS = /^[^\s<>\p{Cc}]+@[^\s<>\p{Cc}]+$/u;

/**
 * Sends one message over plain SMTP (RFC 5321): greeting, EHLO (HELO if the server predates ESMTP), MAIL FROM,
 * one RCPT TO per recipient, DATA with dot-stuffing, QUIT. No STARTTLS and no AUTH yet: it is meant for a relay
 * on the site's network or loopback. Every recipient must be accepted before DATA, so the message goes to all of
 * them or to none, and a retry never doubles it for some. The whole exchange is bounded by `timeoutMs`.
 */
export async function sendMail(target: SmtpTarget, envelope: SmtpEnvelope, message: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<SmtpReply> {
  for (const address of [envelope.from, ...envelope.to]) {
    if (!ENVELOPE_ADDRESS.test(address)) throw new SmtpProtocolError('envelope address is not a plain mailbox');
  }
  if (envelope.to.length === 0) throw new SmtpProtocolError('no recipients');
  const session = new SmtpSession(connect({ host: target.host, port: target.port }), options);
  try {
    await session.expect('greeting', null, 220);
    const ehlo = await session.exchange(`EHLO ${session.clientName()}\r\n`);
    if (ehlo.code !== 250) {
      if (![500, 501, 502, 504].includes(ehlo.code)) throw new SmtpReplyError('EHLO', ehlo);
      await session.expect('HELO', `HELO ${session.clientName()}\r\n`, 250);
    }
    await session.expect('MAIL FROM', `MAIL FROM:<${envelope.from}>\r\n`, 250);
    for (const recipient of envelope.to) await session.expect('RCPT TO', `RCPT TO:<${recipient}>\r\n`, 250, 251);
    await session.expect('DATA', 'DATA\r\n', 354);
    const accepted = await session.expect('end of data', encodeSmtpData(message), 250);
    await session.quit();
    return accepted;
  } catch (error) {
    await session.quit();
    throw error;
  } finally {
    session.close();
  }
}

/** One connection: commands out, replies in order. Any socket error or the deadline fails every later wait. */
class SmtpSession {
  private readonly parser = new SmtpReplyParser();
  private readonly replies: SmtpReply[] = [];
  private waiter: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly deadline: NodeJS.Timeout;
  private readonly onAbort: () => void;

  constructor(private readonly socket: Socket, private readonly options: { timeoutMs: number; signal?: AbortSignal }) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      try {
        for (const reply of this.parser.push(chunk)) this.receive(reply);
      } catch (error) {
        this.fail(error as Error);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => this.fail(new SmtpConnectionError(`connection error: ${error.code ?? error.name}`)));
    socket.on('close', () => this.fail(new SmtpConnectionError('connection closed by the server')));
    this.deadline = setTimeout(() => this.fail(new SmtpConnectionError(`no complete exchange within ${options.timeoutMs} ms`)), options.timeoutMs);
    this.onAbort = () => this.fail(options.signal?.reason instanceof Error ? options.signal.reason : new Error('aborted'));
    if (options.signal?.aborted) this.onAbort();
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** RFC 5321 §4.1.4: a domain, or an address literal when the client has no name of its own. */
  clientName(): string {
    const address = (this.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
    return isIPv6(address) ? `[IPv6:${address}]` : `[${address}]`;
  }

  /** Writes `text` (complete lines, CRLF included; null = just wait, for the greeting) and reads the next reply. */
  async exchange(text: string | null): Promise<SmtpReply> {
    if (text !== null && !this.failure) this.socket.write(text);
    return this.next();
  }

  async expect(stage: string, text: string | null, ...codes: number[]): Promise<SmtpReply> {
    const reply = await this.exchange(text);
    if (!codes.includes(reply.code)) throw new SmtpReplyError(stage, reply);
    return reply;
  }

  /** Polite end of the session; its answer does not matter (the message was already accepted or refused). */
  async quit(): Promise<void> {
    if (this.failure) return;
    await this.exchange('QUIT\r\n').catch(() => undefined);
  }

  close(): void {
    clearTimeout(this.deadline);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.failure ??= new SmtpConnectionError('session closed');
    this.socket.destroy();
  }

  private next(): Promise<SmtpReply> {
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  private receive(reply: SmtpReply): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) waiter.resolve(reply);
    else this.replies.push(reply);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.socket.destroy();
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
  }
}
