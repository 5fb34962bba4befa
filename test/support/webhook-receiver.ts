import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Checked here with its own HMAC code, independent of the library under test. */
  readonly signatureValid: boolean;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Never answer this request (to exercise the sender's per-attempt timeout). */
  readonly hang?: boolean;
  /** Answer only after this long (keeps a delivery in flight while a concurrent one starts). */
  readonly delayMs?: number;
}

const MAX_BODY_BYTES = 256 * 1024;

/** An HTTP webhook receiver on loopback: records every request, verifies its signature, answers as scripted (default 204). */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly script: ScriptedResponse[] = [];

  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(secret: string): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const receiver = new WebhookReceiver(server, address.port);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy();
        else chunks.push(chunk);
      });
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
        const given = Buffer.from(String(req.headers['x-trialflow-signature'] ?? ''));
        receiver.requests.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: raw.toString('utf8'),
          signatureValid: expected.length === given.length && timingSafeEqual(expected, given),
        });
        const next = receiver.script.shift() ?? { status: 204 };
        if (next.hang) return;
        const answer = () => void res.writeHead(next.status, next.headers).end(next.status === 204 ? undefined : '{"note":"receiver body is not logged"}');
        if (next.delayMs) setTimeout(answer, next.delayMs);
        else answer();
      });
    });
    return receiver;
  }

  url(path = '/hooks/reminders'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next requests get these answers, in order. */
  respondWith(...responses: ScriptedResponse[]): void {
    this.script.push(...responses);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
