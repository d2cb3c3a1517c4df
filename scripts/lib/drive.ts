import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** What one phase of load measured: throughput, latency, and every answer by kind. */
export interface Phase {
  label: string;
  concurrency: number;
  /** Requests a second the generator aimed at (open loop), or null (closed loop: as fast as answers come). */
  rate: number | null;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  timeouts: number;
  non2xx: number;
  errors: number;
  answers: Record<string, number>;
  /** CPU time (user + system) each watched process spent in the phase, per answered request, in ms. */
  cpuMsPerRequest: Record<string, number>;
}

export interface Drive {
  /** The servers to share the load among (the nodes of a cluster, or one). */
  urls: string[];
  label: string;
  /** Requests in flight (closed loop), or the connections an open loop may use. */
  concurrency: number;
  seconds: number;
  /** Each request's GraphQL body (and bearer token), or a GET of `path`. */
  request: () => { body?: string; token?: string; path?: string };
  /** Open loop: this many requests a second in all, whether or not answers keep up (queueing shows in latency). */
  rate?: number;
  /**
   * Processes whose CPU time to count over the phase, by name (the server, the local database server):
   * CPU per request is what a busy machine changes least, where req/s and latency move with every
   * other process.
   */
  watch?: Record<string, number>;
}

/** An answer's kind: `ok`, the GraphQL error code, or the HTTP status. */
function kindOf(status: number, text: string): string {
  if (status === 200 && !text.startsWith('{')) return 'ok';
  try {
    const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    return parsed.errors ? String(parsed.errors[0].extensions?.code) : 'ok';
  } catch {
    return `HTTP ${status}`; // not JSON: the HTTP status says it
  }
}

/**
 * One phase of load from a real load generator (in this process; the servers run in their own), each
 * answer counted by kind: `ok`, the GraphQL error code, or the HTTP status. A closed loop (no `rate`)
 * runs on autocannon; an open loop on {@link openLoop}.
 */
export async function drive(d: Drive): Promise<Phase> {
  const cpuBefore = Object.fromEntries(Object.entries(d.watch ?? {}).map(([name, pid]) => [name, cpuMsOf(pid)]));
  const phase = d.rate ? await openLoop({ ...d, rate: d.rate }) : await closedLoop(d);
  const answered = Math.max(1, phase.requests);
  phase.cpuMsPerRequest = Object.fromEntries(
    Object.entries(d.watch ?? {}).map(([name, pid]) => [name, Math.round(((cpuMsOf(pid) - cpuBefore[name]) / answered) * 100) / 100]),
  );
  return phase;
}

/**
 * An open loop: request i leaves at start + i / rate, evenly spaced, whether or not earlier answers have
 * come (up to `concurrency` connections in all; beyond them a request waits for a socket, and that wait
 * counts). Each latency is measured from the moment the request was due, so a generator or server that
 * falls behind shows in the figures (no coordinated omission). Requests go round the servers in turn;
 * the slowest server's percentiles are reported.
 */
async function openLoop({ urls, label, concurrency, seconds, request, rate }: Drive & { rate: number }): Promise<Phase> {
  const answers: Record<string, number> = {};
  const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: Math.max(1, Math.round(concurrency / urls.length)) }));
  const latencies: number[][] = urls.map(() => []);
  let timeouts = 0;
  let errors = 0;
  let non2xx = 0;
  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const next = request();
      const u = i % urls.length;
      const target = new URL(next.path ?? '/graphql', urls[u]);
      const req = http.request(target, {
        agent: agents[u],
        method: next.path ? 'GET' : 'POST',
        headers: next.path ? authorization(next.token) : { 'content-type': 'application/json', ...authorization(next.token) },
      });
      req.setTimeout(10_000, () => {
        timeouts++;
        req.destroy();
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) non2xx++;
          const kind = kindOf(status, Buffer.concat(chunks).toString('utf8'));
          answers[kind] = (answers[kind] ?? 0) + 1;
          latencies[u].push(performance.now() - due);
          resolve();
        });
      });
      req.end(next.body);
    });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (; i < total && start + i * interval <= now; i++) inFlight.push(send(i, start + i * interval));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  for (const a of agents) a.destroy();
  const pct = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]) : 0;
  };
  const slowest = (q: number) => Math.max(...latencies.map((xs) => pct(xs, q)));
  const requests = latencies.reduce((n, xs) => n + xs.length, 0);
  return {
    label,
    concurrency,
    rate,
    requestsPerSecond: requests / elapsed,
    p50: slowest(0.5),
    p99: slowest(0.99),
    max: slowest(1),
    requests,
    timeouts,
    non2xx,
    errors: errors - timeouts,
    answers,
    cpuMsPerRequest: {},
  };
}

/** A closed loop on autocannon: `concurrency` requests in flight, the next sent as each answer comes. */
async function closedLoop({ urls, label, concurrency, seconds, request }: Drive): Promise<Phase> {
  const answers: Record<string, number> = {};
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(concurrency / urls.length)),
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => {
              const next = request();
              if (next.path) return { ...req, method: 'GET', path: next.path, headers: authorization(next.token) };
              return {
                ...req,
                method: 'POST',
                path: '/graphql',
                body: next.body,
                headers: { 'content-type': 'application/json', ...authorization(next.token) },
              };
            },
            onResponse: (status, text) => {
              const kind = kindOf(status, text);
              answers[kind] = (answers[kind] ?? 0) + 1;
            },
          },
        ],
      }),
    ),
  );
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
  const slowest = (f: (r: autocannon.Result) => number) => Math.max(...results.map(f));
  return {
    label,
    concurrency,
    rate: null,
    requestsPerSecond: sum((r) => r.requests.average),
    p50: slowest((r) => r.latency.p50),
    p99: slowest((r) => r.latency.p99),
    max: slowest((r) => r.latency.max),
    requests: sum((r) => r.requests.total),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    answers,
    cpuMsPerRequest: {},
  };
}

/** A process's fields after its command name in /proc (whose parentheses may hold spaces), or null when gone. */
function statOf(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/** The live processes whose parent is `pid` (e.g. the server processes of a primary, WEB_CONCURRENCY), from /proc (Linux). */
export function childPidsOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => Number(statOf(child)?.[1]) === pid);
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux; 0 elsewhere or when
 * gone): utime and stime are the 12th and 13th fields. With its live children (a primary's server
 * processes, WEB_CONCURRENCY) — but not for this process, whose children are the servers it drives.
 */
export function cpuMsOf(pid: number): number {
  const processes = pid === process.pid ? [pid] : [pid, ...childPidsOf(pid)];
  return processes.reduce((sum, p) => {
    const fields = statOf(p);
    return sum + (fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS : 0);
  }, 0);
}

/** Linux counts process times in ticks of 1/100 s on every architecture it runs Node on. */
const CLOCK_TICKS = 100;

/** The pid of the MySQL/MariaDB server behind a connection when it runs on this machine (its pid file), else null. */
export async function databasePid(query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<number | null> {
  try {
    const [row] = await query('SELECT @@pid_file AS f');
    const pid = Number(fs.readFileSync(String(row.f), 'utf8').trim());
    return fs.existsSync(`/proc/${pid}`) ? pid : null;
  } catch {
    return null;
  }
}

const authorization = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** A phase as a row of a Markdown table, its p50 against the baseline's. */
export function phaseRow(p: Phase, baselineP50: number): string {
  const answers = Object.entries(p.answers)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const cpu = Object.entries(p.cpuMsPerRequest)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
  return `| ${p.label} | ${p.rate ? `${p.rate}/s` : p.concurrency} | ${p.requestsPerSecond.toFixed(0)} | ${p.p50} | ${p.p99} | ${p.max} | ${(
    p.p50 / Math.max(baselineP50, 1)
  ).toFixed(1)} | ${cpu || '–'} | ${answers}${p.timeouts ? `, timeouts ${p.timeouts}` : ''} |`;
}

export const PHASE_HEADER =
  '| scenario | in flight (or rate) | req/s | p50 ms | p99 ms | max ms | × baseline p50 | CPU ms / request | answers |\n|---|---|---|---|---|---|---|---|---|';

/** Phases that hung, failed at the server or answered an internal error. */
export const failedPhases = (phases: Phase[]) =>
  phases.filter(
    (p) => p.timeouts > 0 || p.errors > 0 || Object.keys(p.answers).some((k) => k === 'INTERNAL_SERVER_ERROR' || /^HTTP 5/.test(k)),
  );
