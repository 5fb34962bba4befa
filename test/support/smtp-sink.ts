import { createServer, type Server, type Socket } from 'node:net';

/** A message the sink accepted: envelope as sent, DATA as it came over the wire and after dot-unstuffing. */
export interface ReceivedMail {
  readonly clientName: string;
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  /** The DATA lines exactly as received (dot-stuffed), CRLF-joined, without the terminating ".". */
  readonly rawData: string;
  /** The message after removing the stuffed dots (RFC 5321 §4.5.2). */
  readonly data: string;
}

type Stage = 'MAIL' | 'RCPT' | 'DATA' | 'END_OF_DATA';
const MAX_SESSION_BYTES = 1024 * 1024;

/**
 * A tiny SMTP server on loopback for tests: multi-line greeting and EHLO replies (to exercise the client's
 * parser), envelope and DATA recording, scripted failures per stage, and an optional HELO-only mode.
 * Every command line is kept, so a test can prove that nothing injected became a command.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Messages whose DATA was refused at the end (scripted), kept to compare with a later re-send. */
  readonly refused: ReceivedMail[] = [];
  readonly commands: string[] = [];
  /** Connections seen (a refused or failed attempt is one too). */
  sessions = 0;
  private readonly scripted: { stage: Stage; reply: string }[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number, private readonly options: { heloOnly: boolean }) {}

  static async start(options: { heloOnly?: boolean } = {}): Promise<SmtpSink> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const sink = new SmtpSink(server, address.port, { heloOnly: options.heloOnly ?? false });
    server.on('connection', (socket) => sink.session(socket));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next command of that stage gets `reply` (e.g. '451 4.3.0 try again later') instead of success. */
  failNext(stage: Stage, reply: string): void {
    this.scripted.push({ stage, reply });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private scriptedReply(stage: Stage, normal: string): string {
    const index = this.scripted.findIndex((s) => s.stage === stage);
    if (index < 0) return normal;
    const [entry] = this.scripted.splice(index, 1);
    return entry?.reply ?? normal;
  }

  private session(socket: Socket): void {
    this.sessions += 1;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    const reply = (text: string) => socket.write(`${text}\r\n`);
    let buffer = '';
    let received = 0;
    let clientName = '';
    let mailFrom: string | undefined;
    let rcptTo: string[] = [];
    let dataLines: string[] | undefined;

    const command = (line: string): void => {
      this.commands.push(line);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') {
        if (this.options.heloOnly) return void reply('502 5.5.1 EHLO not implemented');
        clientName = line.slice(5);
        return void reply('250-sink.test greets you\r\n250-8BITMIME\r\n250 SIZE 1048576');
      }
      if (verb === 'HELO') {
        clientName = line.slice(5);
        return void reply('250 sink.test');
      }
      if (line.toUpperCase().startsWith('MAIL FROM:')) {
        const answer = this.scriptedReply('MAIL', '250 2.1.0 ok');
        if (answer.startsWith('250')) [mailFrom, rcptTo] = [line.slice(10).replace(/^<|>$/g, ''), []];
        return void reply(answer);
      }
      if (line.toUpperCase().startsWith('RCPT TO:')) {
        if (mailFrom === undefined) return void reply('503 5.5.1 MAIL first');
        const answer = this.scriptedReply('RCPT', '250 2.1.5 ok');
        if (answer.startsWith('250')) rcptTo.push(line.slice(8).replace(/^<|>$/g, ''));
        return void reply(answer);
      }
      if (verb === 'DATA') {
        if (rcptTo.length === 0) return void reply('554 5.5.1 no valid recipients');
        const answer = this.scriptedReply('DATA', '354 end data with <CR><LF>.<CR><LF>');
        if (answer.startsWith('354')) dataLines = [];
        return void reply(answer);
      }
      if (verb === 'RSET') return void ([mailFrom, rcptTo] = [undefined, []], reply('250 ok'));
      if (verb === 'NOOP') return void reply('250 ok');
      if (verb === 'QUIT') return void (reply('221 2.0.0 bye'), socket.end());
      reply('500 5.5.2 unrecognised command');
    };

    const endOfData = (lines: string[]): void => {
      const answer = this.scriptedReply('END_OF_DATA', '250 2.0.0 queued as SINK');
      const rawData = lines.join('\r\n');
      const data = lines.map((l) => (l.startsWith('.') ? l.slice(1) : l)).join('\r\n');
      (answer.startsWith('250') ? this.messages : this.refused).push({ clientName, mailFrom: mailFrom ?? '', rcptTo: [...rcptTo], rawData, data });
      [mailFrom, rcptTo] = [undefined, []];
      reply(answer);
    };

    socket.on('data', (chunk: string) => {
      received += chunk.length;
      if (received > MAX_SESSION_BYTES) return void socket.destroy();
      buffer += chunk;
      // Only CRLF ends a line here, as in a strict server: a bare LF inside DATA must not end anything.
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (dataLines) {
          if (line === '.') {
            const lines = dataLines;
            dataLines = undefined;
            endOfData(lines);
          } else dataLines.push(line);
        } else command(line);
      }
    });
    reply('220-sink.test ESMTP test sink\r\n220 ready');
  }
}
