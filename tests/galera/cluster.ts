import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { parseDbUrl } from '../../server/src/core/config';
import { openDatabase } from '../../server/src/core/database';

/**
 * The three-node Galera cluster of `scripts/cluster/galera.sh` (or TEST_GALERA_URLS, comma-separated,
 * one URL per node). `npm test` skips these suites loudly when the cluster does not answer
 * (SKIP_GALERA=1); run directly, they fail and say how to start it.
 */
export const GALERA_URLS = (
  process.env.TEST_GALERA_URLS ??
  [13401, 13402, 13403].map((port) => `mysql://eplannacc:eplannacc@127.0.0.1:${port}/eplannacc_galera`).join(',')
).split(',');

export const describeCluster = process.env.SKIP_GALERA === '1' ? describe.skip : describe;

const SCRIPT = path.resolve(__dirname, '../../scripts/cluster/galera.sh');

/** Runs the cluster script (kill, start-node, isolate, rejoin …) for node `n` (1-based). */
export async function galera(command: 'kill' | 'start-node' | 'isolate' | 'rejoin', n: number): Promise<void> {
  await promisify(execFile)('bash', [SCRIPT, command, String(n)]);
}

/** The URL of the same node with another database. */
export const withDatabase = (url: string, database: string) => url.replace(/\/[^/]*$/, `/${database}`);

/** Migrates the cluster's test database (once across suites running at once: the migration lock). */
export async function migrateCluster(url = GALERA_URLS[0]): Promise<void> {
  try {
    const db = await openDatabase(parseDbUrl(url), { migrate: true });
    await db.destroy();
  } catch (err) {
    throw new Error(
      `the Galera test cluster does not answer at ${url.replace(/:[^:@/]*@/, ':***@')} (${(err as Error).message}).\n` +
        'Start it with `bash scripts/cluster/galera.sh start`, or skip these suites with SKIP_GALERA=1.',
    );
  }
}

/** Writes that lost to another node's (certification failures) and local transactions aborted by a replicated write, on one node. */
export async function conflictsOn(url: string): Promise<number> {
  const c = parseDbUrl(url);
  if (c.kind !== 'mysql') throw new Error('a Galera node is a MySQL URL');
  const conn = await createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
  try {
    const [rows] = await conn.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')");
    return (rows as Array<{ Value: string }>).reduce((n, r) => n + Number(r.Value), 0);
  } finally {
    await conn.end();
  }
}

/** Counts the lost races across the cluster while `work` runs (on the nodes still up at the end). */
export async function countingConflicts<T>(work: () => Promise<T>): Promise<{ result: T; conflicts: number }> {
  const before = await Promise.all(GALERA_URLS.map(conflictsOn));
  const result = await work();
  const after = await Promise.all(GALERA_URLS.map((url, i) => conflictsOn(url).catch(() => before[i])));
  return { result, conflicts: after.reduce((n, v, i) => n + v - before[i], 0) };
}

/** The p-th percentile of some durations (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
