import { DateUtils } from 'typeorm/util/DateUtils';
import { DefaultNamingStrategy, type DataSource, type EntityManager, type NamingStrategyInterface } from 'typeorm';

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

/** Runs `work` in one database transaction; everything it writes commits together or not at all. */
export function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return serialised(dataSource, () => dataSource.transaction(work));
}

export const isMysql = (dataSource: DataSource) => dataSource.options.type === 'mysql';

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

/** One statement committed on its own, outside any request's transaction, queued like one (SQLite shares one connection). */
export const executeAlone = (dataSource: DataSource, sql: string, params: unknown[]): Promise<number> =>
  inTransaction(dataSource, (em) => execute(em, sql, params));
