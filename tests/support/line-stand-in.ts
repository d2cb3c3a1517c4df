import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface LineRequest {
  path: string;
  authorization: string | undefined;
  retryKey: string | undefined;
  body: any;
  /** When it arrived (ms, real time) and what it was answered. */
  at: number;
  status: number;
}

/** A scripted answer for the next push: a status (with Retry-After), or `accept-then-500` — taken and shown, but the answer lost. */
export type Scripted = { status: number; retryAfter?: number } | 'accept-then-500';

/**
 * A real HTTP server on 127.0.0.1 standing in for LINE's Messaging API: push and reply. Like LINE, it
 * shows a push once per X-Line-Retry-Key — a key it accepted before is answered 409 — and answers 429
 * beyond `limitPerSecond` requests in any second (2,000, LINE's push limit, unless told otherwise).
 */
export class LineStandIn {
  requests: LineRequest[] = [];
  /** The messages users saw: accepted pushes, by retry key. */
  shown = new Map<string, any>();
  replies: any[] = [];
  /** Answers the next pushes get before the normal one, in order. */
  script: Scripted[] = [];
  tooMany = 0;
  private recent: number[] = [];
  private server!: http.Server;
  url = '';

  constructor(readonly limitPerSecond = 2000) {}

  static async start(limitPerSecond?: number): Promise<LineStandIn> {
    const s = new LineStandIn(limitPerSecond);
    s.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => s.answer(req, Buffer.concat(chunks), res));
    });
    s.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  private answer(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse) {
    const at = Date.now();
    let body: any = null;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      /* recorded as null */
    }
    const retryKey = req.headers['x-line-retry-key'] as string | undefined;
    const send = (status: number, json: unknown = {}, headers: Record<string, string> = {}) => {
      this.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, retryKey, body, at, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    // LINE's rate limit: requests in the last second.
    while (this.recent.length && this.recent[0] <= at - 1000) this.recent.shift();
    this.recent.push(at);
    if (this.recent.length > this.limitPerSecond) {
      this.tooMany += 1;
      return send(429, { message: 'The API rate limit has been exceeded. Try again later.' });
    }
    if (req.url === '/v2/bot/message/reply') {
      this.replies.push(body);
      return send(200);
    }
    if (req.url !== '/v2/bot/message/push') return send(404, { message: 'Not found' });
    if (retryKey && this.shown.has(retryKey)) return send(409, { message: 'The retry key is already accepted' });
    const scripted = this.script.shift();
    if (scripted === 'accept-then-500') {
      this.shown.set(retryKey ?? `none:${at}:${Math.random()}`, body);
      return send(500, { message: 'An error occurred in the backend server' });
    }
    if (scripted)
      return send(
        scripted.status,
        { message: `scripted ${scripted.status}` },
        scripted.retryAfter ? { 'retry-after': String(scripted.retryAfter) } : {},
      );
    this.shown.set(retryKey ?? `none:${at}:${Math.random()}`, body);
    send(200, { sentMessages: [{ id: String(at), quoteToken: 'q' }] });
  }

  pushes(): LineRequest[] {
    return this.requests.filter((r) => r.path === '/v2/bot/message/push');
  }

  /** The most requests that arrived within any one second. */
  peakPerSecond(): number {
    const times = this.requests.map((r) => r.at).sort((a, b) => a - b);
    let peak = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    return peak;
  }

  reset(): void {
    this.requests = [];
    this.shown.clear();
    this.replies = [];
    this.script = [];
    this.tooMany = 0;
    this.recent = [];
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
