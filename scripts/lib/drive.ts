import fs from 'node:fs';
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

/**
 * One phase of load from a real load generator (autocannon, in this process; the servers run in
 * their own), each answer counted by kind: `ok`, the GraphQL error code, or the HTTP status.
 */
export async function drive({ urls, label, concurrency, seconds, request, rate, watch = {} }: Drive): Promise<Phase> {
  const answers: Record<string, number> = {};
  const cpuBefore = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, cpuMsOf(pid)]));
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(concurrency / urls.length)),
        duration: seconds,
        timeout: 10,
        ...(rate ? { overallRate: Math.max(1, Math.round(rate / urls.length)) } : {}),
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
              let kind = `HTTP ${status}`;
              if (status === 200 && !text.startsWith('{')) kind = 'ok';
              else {
                try {
                  const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
                  kind = parsed.errors ? String(parsed.errors[0].extensions?.code) : 'ok';
                } catch {
                  // not JSON: the HTTP status says it
                }
              }
              answers[kind] = (answers[kind] ?? 0) + 1;
            },
          },
        ],
      }),
    ),
  );
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
  const answered = Math.max(
    1,
    sum((r) => r.requests.total),
  );
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(watch).map(([name, pid]) => [name, Math.round(((cpuMsOf(pid) - cpuBefore[name]) / answered) * 100) / 100]),
  );
  const slowest = (f: (r: autocannon.Result) => number) => Math.max(...results.map(f));
  return {
    label,
    concurrency,
    rate: rate ?? null,
    requestsPerSecond: sum((r) => r.requests.average),
    p50: slowest((r) => r.latency.p50),
    p99: slowest((r) => r.latency.p99),
    max: slowest((r) => r.latency.max),
    requests: sum((r) => r.requests.total),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    answers,
    cpuMsPerRequest,
  };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux; 0 elsewhere or when gone). */
export function cpuMsOf(pid: number): number {
  try {
    // Fields after the command name, whose parentheses may hold spaces: utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
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
