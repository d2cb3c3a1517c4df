import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, internalErrorMessage } from '../errors';
import { currentRequestId } from '../request-id';

/**
 * Laying out and writing a PDF takes the CPU for hundreds of milliseconds (seconds for a plan of 200
 * projects) without a pause. Done on the server's event loop, every other request would wait behind it;
 * so documents are rendered in a few worker threads, each with its own pdfmake and fonts, and the
 * event loop only sends them plain data and receives the bytes.
 */

export interface RenderSettings {
  /** Worker threads that render at once (RENDER_WORKERS). */
  workers: number;
  /** Documents that may wait for a free worker; more are refused as "busy" (RENDER_QUEUE). */
  queue: number;
  /** A render that takes longer is stopped and its worker replaced (RENDER_TIMEOUT_MS). */
  timeoutMs: number;
}

/** One worker per core but one, left to the event loop: at least one, at most four. */
export const defaultRenderWorkers = (cores = os.availableParallelism()) => Math.max(1, Math.min(4, cores - 1));
export const DEFAULT_RENDER_QUEUE_PER_WORKER = 8;
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
const RETRY_AFTER_SECONDS = 10;

/** What a worker is sent: the document as plain data (no functions: they cannot cross to a thread). */
export interface RenderJob {
  info: unknown;
  content: unknown;
  styles: unknown;
}

type Reply = { pdf: Uint8Array } | { error: string };

interface Pending {
  job: RenderJob;
  resolve(pdf: Buffer): void;
  reject(err: Error): void;
  /** The request's reference, for the message and the log (the reply arrives outside the request). */
  requestId: string | null;
}

export const renderBusy = () =>
  new DomainError('SERVICE_UNAVAILABLE', 'ขณะนี้มีการสร้างเอกสารจำนวนมาก กรุณาลองใหม่อีกครั้งในอีกสักครู่', {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });

const renderFailed = (requestId: string | null) =>
  new DomainError('INTERNAL_SERVER_ERROR', internalErrorMessage(requestId).replace('ระบบขัดข้อง', 'สร้างเอกสาร PDF ไม่สำเร็จ'));

/**
 * A worker's heap is capped, so that a runaway document ends that worker (answered with a Thai error)
 * rather than the whole server (a 200-project plan's worker was seen near 75 MB).
 */
const WORKER_HEAP_MB = 512;

/** The worker's script next to this file: compiled JavaScript, or the TypeScript sources (tests, scripts) through ts-node. */
function startWorker(): Worker {
  const file = path.join(__dirname, `render.worker${path.extname(__filename)}`);
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (file.endsWith('.ts')) {
    return new Worker(`require('ts-node/register/transpile-only'); require(${JSON.stringify(file)});`, { eval: true, resourceLimits });
  }
  return new Worker(file, { resourceLimits });
}

/** A function anywhere in a document: it would not reach the worker, so it is named here rather than failing there. */
function functionIn(value: unknown, at: string): string | null {
  if (typeof value === 'function') return at;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = functionIn(child, `${at}.${key}`);
    if (found) return found;
  }
  return null;
}

export class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, { pending: Pending; timer: NodeJS.Timeout }>();
  private readonly waiting: Pending[] = [];
  private readonly live = new Set<Worker>();
  private closed = false;

  constructor(
    readonly settings: RenderSettings,
    private readonly logFailure: (err: Error, requestId: string | null) => void,
  ) {}

  /** The PDF of a document; SERVICE_UNAVAILABLE (HTTP 503) when every worker is busy and the queue is full. */
  render(job: RenderJob): Promise<Buffer> {
    const fn = functionIn(job, 'document');
    if (fn) throw new Error(`${fn} is a function: a document sent to the render worker must be plain data (table layouts by name)`);
    return new Promise<Buffer>((resolve, reject) => {
      const pending: Pending = { job, resolve, reject, requestId: currentRequestId() };
      const worker = this.idle.pop() ?? (this.live.size < this.settings.workers ? this.spawn() : null);
      if (worker) this.run(worker, pending);
      else if (this.waiting.length < this.settings.queue) this.waiting.push(pending);
      else reject(renderBusy());
    });
  }

  /** Documents being rendered and waiting, for tests and load figures. */
  stats(): { rendering: number; waiting: number; workers: number } {
    return { rendering: this.running.size, waiting: this.waiting.length, workers: this.live.size };
  }

  /** Refuses what waits, lets what renders finish, then stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(renderBusy());
    while (this.running.size) await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all([...this.live].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = startWorker();
    this.live.add(worker);
    worker.on('message', (reply: Reply) => this.settle(worker, reply));
    worker.on('error', (err) => this.lost(worker, err));
    worker.on('exit', (code) => this.lost(worker, new Error(`the render worker stopped (exit code ${code})`)));
    return worker;
  }

  private run(worker: Worker, pending: Pending): void {
    // An idle worker does not keep the process alive; one at work does, until it answers.
    worker.ref();
    const timer = setTimeout(() => {
      this.lost(worker, new Error(`the render took longer than ${this.settings.timeoutMs} ms`));
      void worker.terminate();
    }, this.settings.timeoutMs);
    this.running.set(worker, { pending, timer });
    worker.postMessage(pending.job);
  }

  private settle(worker: Worker, reply: Reply): void {
    const current = this.running.get(worker);
    if (!current) return;
    this.running.delete(worker);
    clearTimeout(current.timer);
    const { pending } = current;
    if ('pdf' in reply) pending.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else {
      this.logFailure(new Error(reply.error), pending.requestId);
      pending.reject(renderFailed(pending.requestId));
    }
    const next = this.waiting.shift();
    if (next) this.run(worker, next);
    else {
      worker.unref();
      this.idle.push(worker);
    }
  }

  /** A worker that crashed, ran out of memory or time: its document fails, the next one gets a new worker. */
  private lost(worker: Worker, err: Error): void {
    if (!this.live.delete(worker)) return; // 'error' and 'exit' both report one crash
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    const current = this.running.get(worker);
    this.running.delete(worker);
    if (current) {
      clearTimeout(current.timer);
      this.logFailure(err, current.pending.requestId);
      current.pending.reject(renderFailed(current.pending.requestId));
    }
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) this.run(this.spawn(), next);
  }
}

let pool: RenderPool | null = null;
let configured: { settings: RenderSettings; logFailure: (err: Error, requestId: string | null) => void } | null = null;

/** Sets how documents render in this process (at start, from the configuration); a pool already running is closed when idle. */
export function configureRendering(settings: RenderSettings, logFailure: (err: Error, requestId: string | null) => void): void {
  configured = { settings, logFailure };
  const old = pool;
  pool = null;
  void old?.close();
}

/** The process's render pool, started on first use (with the defaults when nothing configured it). */
export function renderPool(): RenderPool {
  if (!pool) {
    const workers = configured?.settings.workers ?? defaultRenderWorkers();
    pool = new RenderPool(
      configured?.settings ?? { workers, queue: workers * DEFAULT_RENDER_QUEUE_PER_WORKER, timeoutMs: DEFAULT_RENDER_TIMEOUT_MS },
      configured?.logFailure ?? (() => undefined),
    );
  }
  return pool;
}

/** Stops the process's render workers (at shutdown). */
export async function stopRendering(): Promise<void> {
  const old = pool;
  pool = null;
  await old?.close();
}
