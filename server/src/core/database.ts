import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../ormconfig';
import type { DbConfig } from './config';
import { DomainError } from './errors';

/**
 * Connects to the configured database and brings its schema up to date with the committed
 * migrations. On MySQL several instances may start at once: a named lock lets one migrate at a time.
 */
export async function openDatabase(db: DbConfig, { migrate = true } = {}): Promise<DataSource> {
  if (db.kind === 'sqlite' && db.path !== ':memory:') fs.mkdirSync(path.dirname(db.path), { recursive: true });
  const dataSource = await createDataSource(db);
  await dataSource.initialize();
  if (db.kind === 'mysql') limitConnectionWait(dataSource, db.acquireTimeoutMs);
  if (migrate) await runMigrations(dataSource);
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

export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'better-sqlite3') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query("SELECT GET_LOCK('e_plannacc_migrations', 120)");
    // MySQL cannot roll back DDL, so each migration is its own unit.
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query("SELECT RELEASE_LOCK('e_plannacc_migrations')").catch(() => undefined);
    await runner.release();
  }
}
