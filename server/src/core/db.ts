import { DateUtils } from 'typeorm/util/DateUtils';
import { DefaultNamingStrategy, QueryFailedError, type DataSource, type EntityManager, type NamingStrategyInterface } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** snake_case column names in both databases, whatever the property is called. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snake([...prefixes, propertyName].join('_'));
  }
  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }
}

/**
 * SQLite has one connection per process: two interleaved transactions on it would nest or collide.
 * Units of work on SQLite therefore queue behind one another; MySQL/MariaDB runs them concurrently
 * on pooled connections.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function serialised<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return work();
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.then(work, work);
  sqliteQueues.set(
    dataSource,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Runs `work` in one database transaction; everything it writes commits together or not at all.
 *
 * On MySQL/MariaDB the transaction reads committed data (READ COMMITTED), not the snapshot of its
 * first read (InnoDB's default REPEATABLE READ): a write that waited for another one's row lock must
 * then see what that one committed, or it decides on stale rows (a second "first" report, a second
 * pending request) and fails on a unique key.
 */
export function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const isolation: IsolationLevel | undefined = isMysql(dataSource) ? 'READ COMMITTED' : undefined;
  return serialised(dataSource, () => (isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work)));
}

/** MySQL or MariaDB: TypeORM names the driver after the server it detected. */
export const isMysql = (dataSource: DataSource) => dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';

/**
 * What a failed statement means for the caller, from the driver's error number or code:
 * - `retry`: the transaction lost a lock race (InnoDB deadlock or lock wait timeout; Galera's
 *   certification failure also reports a deadlock) and may simply run again;
 * - `duplicate`: a unique key another transaction took first;
 * - `missing`: a row it refers to was deleted by another transaction.
 */
export type DbFailure = 'retry' | 'duplicate' | 'missing';

export function dbFailureOf(err: unknown): DbFailure | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driver = err.driverError as { errno?: number; code?: string } | undefined;
  switch (driver?.errno) {
    case 1213: // ER_LOCK_DEADLOCK
    case 1205: // ER_LOCK_WAIT_TIMEOUT
      return 'retry';
    case 1062: // ER_DUP_ENTRY
      return 'duplicate';
    case 1451: // ER_ROW_IS_REFERENCED_2
    case 1452: // ER_NO_REFERENCED_ROW_2
      return 'missing';
  }
  switch (driver?.code) {
    case 'SQLITE_BUSY':
      return 'retry';
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'duplicate';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'missing';
  }
  return null;
}

/** `INSERT` that skips a row whose key is taken (the affected count says which), in the dialect's words. */
export const insertIgnore = (dataSource: DataSource) =>
  dataSource.options.type === 'better-sqlite3' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';

/** A parameter for raw SQL: SQLite binds neither Dates nor booleans, so they become its text and 0/1. */
export function toDbValue(dataSource: DataSource, value: unknown): unknown {
  if (dataSource.options.type !== 'better-sqlite3') return value;
  if (value instanceof Date) return DateUtils.mixedDateToUtcDatetimeString(value);
  if (typeof value === 'boolean') return Number(value);
  return value;
}

/**
 * Runs one raw statement (placeholders `?`, which both dialects read) and returns how many rows it
 * changed. For the few conditional updates whose atomicity matters (lockout counters, single-use
 * tokens), where the query builder would reorder SET clauses: MySQL evaluates them left to right.
 */
export async function execute(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const sqlite = em.connection.options.type === 'better-sqlite3';
  const values = params.map((p) =>
    p instanceof Date && sqlite ? DateUtils.mixedDateToUtcDatetimeString(p) : typeof p === 'boolean' && sqlite ? Number(p) : p,
  );
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, values, true);
    return result.affected ?? 0;
  } finally {
    if (!em.queryRunner) await runner.release();
  }
}

/**
 * Holds one row until the transaction ends, so that writes deciding on it run one after another
 * (MySQL/MariaDB; SQLite runs one unit of work at a time anyway). `table` and `column` are names from
 * the code, never from input.
 */
export async function lockRow(em: EntityManager, table: string, column: string, key: string | number): Promise<void> {
  if (isMysql(em.connection)) await execute(em, `SELECT ${column} FROM ${table} WHERE ${column} = ? FOR UPDATE`, [key]);
}

/** One statement committed on its own, outside any request's transaction, queued like one (SQLite shares one connection). */
export const executeAlone = (dataSource: DataSource, sql: string, params: unknown[]): Promise<number> =>
  inTransaction(dataSource, (em) => execute(em, sql, params));
