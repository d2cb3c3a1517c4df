import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MigrationExecutor, type DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { createDataSource } from '../../../ormconfig';
import type { DbConfig } from './config';
import { dbFailureOf, isGaleraNode } from './db';
import { DomainError } from './errors';

/** The database is not in a state this process may serve: pending migrations it may not run, or another runner's lock. */
export class DatabaseNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseNotReadyError';
  }
}

export interface OpenOptions {
  /**
   * Pending migrations: true runs them (one runner at a time across every instance and node), false
   * refuses to open a database that needs any. Unset: run them, except on a Galera node.
   */
  migrate?: boolean;
  log?: Logger;
}

/** Connects to the configured database and makes sure its schema is that of the committed migrations. */
export async function openDatabase(db: DbConfig, { migrate, log }: OpenOptions = {}): Promise<DataSource> {
  if (db.kind === 'sqlite' && db.path !== ':memory:') fs.mkdirSync(path.dirname(db.path), { recursive: true });
  const dataSource = await createDataSource(db);
  await dataSource.initialize();
  try {
    if (db.kind === 'mysql') limitConnectionWait(dataSource, db.acquireTimeoutMs);
    if (migrate ?? !isGaleraNode(dataSource)) {
      await runMigrations(dataSource, { waitMs: db.kind === 'mysql' ? db.migrationWaitMs : 0, log });
    } else {
      await requireCurrentSchema(dataSource);
    }
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return dataSource;
}

type PoolCallback = (err: Error | null, connection?: { release(): void }) => void;

/**
 * mysql2's pool queues a request for a connection for as long as it takes (it ignores TypeORM's
 * `acquireTimeout`). Under a surge bigger than the pool that wait has no end a user would accept: after
 * `timeoutMs` the request is answered "busy" (SERVICE_UNAVAILABLE, HTTP 503) instead, and a connection
 * that frees up for it later goes straight back to the pool.
 */
function limitConnectionWait(dataSource: DataSource, timeoutMs: number): void {
  const pool = (dataSource.driver as unknown as { pool: { getConnection(cb: PoolCallback): void } }).pool;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback: PoolCallback) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      callback(new DomainError('SERVICE_UNAVAILABLE', undefined, { retryAfterSeconds: 5 }));
    }, timeoutMs);
    getConnection((err, connection) => {
      if (timedOut) {
        connection?.release();
        return;
      }
      clearTimeout(timer);
      callback(err, connection);
    });
  };
}

/** The committed migrations this database has not run yet, by name; asks without creating anything. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  return (await new MigrationExecutor(dataSource).getPendingMigrations()).map((m) => m.name);
}

async function requireCurrentSchema(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (!pending.length) return;
  throw new DatabaseNotReadyError(
    `the database needs ${pending.length} migration(s) this process may not run at start (${pending.join(', ')}). ` +
      'Run `npm run migrate` first, as its own step before the instances start (on a Galera cluster DDL holds up every ' +
      "node's writes while it runs), or set MIGRATE_ON_START=1.",
  );
}

/**
 * Brings the schema up to date with the committed migrations and returns the names of those it ran.
 * Nothing pending: nothing is locked and no DDL runs. Otherwise one runner at a time, cluster-wide —
 * the others wait, then find nothing left to run — so no migration ever runs twice. MySQL cannot
 * roll back DDL, so each migration is its own unit.
 */
export async function runMigrations(
  dataSource: DataSource,
  { waitMs = 0, log }: { waitMs?: number; log?: Logger } = {},
): Promise<string[]> {
  if (dataSource.options.type === 'better-sqlite3') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  if (!(await pendingMigrations(dataSource)).length) return [];
  return withMigrationLock(dataSource, waitMs, log, async () => {
    const ran = (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    if (ran.length) log?.info({ migrations: ran }, `database migrated: ${ran.length} migration(s) run`);
    return ran;
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function migrationLockTableExists(dataSource: DataSource): Promise<boolean> {
  const [row] = (await dataSource.query(
    "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'migration_lock'",
  )) as Array<{ n: string | number }>;
  return Number(row.n) > 0;
}

/**
 * The migration lock is a row (id 1) of `migration_lock`, inserted by its holder and deleted when it is
 * done. MySQL's GET_LOCK cannot serve: on a Galera cluster it is local to one node, so three instances
 * on three nodes would all take it. A row insert is certified by the whole cluster: of two inserts on
 * two nodes one commits and the other fails. The table is made here, outside the migrations, because
 * it guards them; it is made only where it is missing, so a start with nothing to do runs no DDL.
 *
 * A holder that died keeps the lock: starts then wait `waitMs` and stop with a message saying who holds
 * it and how to release it — never taking it over, since a migration may have stopped half-way.
 */
async function withMigrationLock<T>(dataSource: DataSource, waitMs: number, log: Logger | undefined, work: () => Promise<T>): Promise<T> {
  const holder = `${os.hostname()} pid ${process.pid} ${randomBytes(3).toString('hex')}`;
  if (!(await migrationLockTableExists(dataSource))) {
    await dataSource.query(
      'CREATE TABLE IF NOT EXISTS migration_lock (id INT NOT NULL PRIMARY KEY, holder VARCHAR(200) NOT NULL, taken_at DATETIME NOT NULL)',
    );
  }
  const since = Date.now();
  let nextReport = since;
  for (;;) {
    try {
      await dataSource.query('INSERT INTO migration_lock (id, holder, taken_at) VALUES (1, ?, ?)', [holder, new Date()]);
      break;
    } catch (err) {
      const failure = dbFailureOf(err);
      if (failure !== 'duplicate' && failure !== 'retry') throw err;
    }
    const [current] = (await dataSource.query('SELECT holder, taken_at AS takenAt FROM migration_lock WHERE id = 1')) as Array<{
      holder: string;
      takenAt: Date;
    }>;
    if (!current) continue;
    const waited = Date.now() - since;
    if (waited >= waitMs) {
      throw new DatabaseNotReadyError(
        `${current.holder} has held the migration lock of this database since ${new Date(current.takenAt).toISOString()}; ` +
          `waited ${Math.round(waited / 1000)} s (MIGRATION_WAIT_SECONDS). If it is still migrating, start again when it is done. ` +
          'If it stopped while migrating, check the schema against the `migrations` table, then release the lock with ' +
          '`npm run migrate -- --release-lock`.',
      );
    }
    if (Date.now() >= nextReport) {
      nextReport = Date.now() + 10_000;
      log?.warn({ holder: current.holder }, 'waiting for another process to finish migrating the database');
    }
    await sleep(500);
  }
  try {
    return await work();
  } finally {
    await releaseMigrationLock(dataSource, holder);
  }
}

/** Deletes the migration lock: the holder's own (`holder`), or whoever's (an operator's `npm run migrate -- --release-lock`). */
export async function releaseMigrationLock(dataSource: DataSource, holder?: string): Promise<boolean> {
  if (!(await migrationLockTableExists(dataSource))) return false;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = (await dataSource.query(
        holder ? 'DELETE FROM migration_lock WHERE id = 1 AND holder = ?' : 'DELETE FROM migration_lock WHERE id = 1',
        holder ? [holder] : [],
      )) as { affectedRows?: number };
      return (result.affectedRows ?? 0) > 0;
    } catch (err) {
      if (dbFailureOf(err) !== 'retry' || attempt >= 5) throw err;
      await sleep(100 * attempt);
    }
  }
}

/** What /healthz reports about the database. */
export interface DatabaseHealth {
  /** Whether this instance should get requests. */
  ready: boolean;
  database: 'ok' | 'busy' | 'unreachable';
  /** On a Galera node: its state as the cluster sees it. */
  cluster?: { ready: boolean; state: string; size: number };
}

/**
 * Whether the database can serve this instance's requests. On a Galera node that is more than
 * answering: a node cut off from the primary component (wsrep_ready OFF) refuses work, and one that is
 * not Synced (joining, or a donor copying its data to a joiner) serves stale data or none; its
 * instance is then not ready, so a load balancer sends requests to the instances of other nodes.
 * Every connection busy is a surge, not an outage: a load balancer must not take every instance out
 * at once.
 */
export async function databaseHealth(dataSource: DataSource): Promise<DatabaseHealth> {
  try {
    if (!isGaleraNode(dataSource)) {
      await dataSource.query('SELECT 1');
      return { ready: true, database: 'ok' };
    }
    const rows = (await dataSource.query(
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment', 'wsrep_cluster_size')",
    )) as Array<{ Variable_name: string; Value: string }>;
    const status = Object.fromEntries(rows.map((r) => [r.Variable_name.toLowerCase(), r.Value]));
    const state = status.wsrep_local_state_comment ?? 'unknown';
    const ready = status.wsrep_ready === 'ON' && state === 'Synced';
    return { ready, database: 'ok', cluster: { ready: status.wsrep_ready === 'ON', state, size: Number(status.wsrep_cluster_size ?? 0) } };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'SERVICE_UNAVAILABLE') return { ready: true, database: 'busy' };
    return { ready: false, database: 'unreachable' };
  }
}
