import { DateUtils } from 'typeorm/util/DateUtils';
import {
  DefaultNamingStrategy,
  QueryFailedError,
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type NamingStrategyInterface,
  type ObjectLiteral,
} from 'typeorm';
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
 * The isolation of every MySQL/MariaDB session (set on each pooled connection as it opens, ormconfig.ts):
 * a transaction reads committed data, not the snapshot of its first read (InnoDB's default REPEATABLE
 * READ): a write that waited for another one's row lock must then see what that one committed, or it
 * decides on stale rows (a second "first" report, a second pending request) and fails on a unique key.
 */
export const SESSION_ISOLATION: IsolationLevel = 'READ COMMITTED';

/**
 * Runs `work` in one database transaction; everything it writes commits together or not at all. On
 * MySQL/MariaDB it reads committed data (the session's `SESSION_ISOLATION`, so it starts with one
 * statement), or with `snapshot` the data as of its first read (REPEATABLE READ, for this transaction
 * only).
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
  { snapshot = false }: { snapshot?: boolean } = {},
): Promise<T> {
  const isolation: IsolationLevel | undefined = isMysql(dataSource) && snapshot ? 'REPEATABLE READ' : undefined;
  return serialised(dataSource, () => (isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work)));
}

/** MySQL or MariaDB: TypeORM names the driver after the server it detected. */
export const isMysql = (dataSource: DataSource) => dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';

/**
 * wsrep_sync_wait on a Galera node: 1 makes every read (SELECT, and the start of a transaction) wait
 * until the node has applied everything the cluster committed before it. Writes need no wait: one
 * decided on rows another node changed meanwhile fails certification and runs again.
 */
export const GALERA_SYNC_WAIT = 1;

const galeraNodes = new WeakSet<DataSource>();

/** Records that the data source's server is a node of a Galera cluster (detected when it was created). */
export const markGaleraNode = (dataSource: DataSource) => galeraNodes.add(dataSource);
export const isGaleraNode = (dataSource: DataSource) => galeraNodes.has(dataSource);

/**
 * What a failed statement means for the caller, from the driver's error number or code:
 * - `retry`: the transaction lost a race and may simply run again: an InnoDB deadlock or lock wait
 *   timeout, or on a Galera cluster a write another node committed first (certification failure or
 *   brute-force abort, both reported as a deadlock, often at COMMIT);
 * - `duplicate`: a unique key another transaction took first;
 * - `missing`: a row it refers to was deleted by another transaction;
 * - `unavailable`: the database cannot be reached, or is a Galera node outside the cluster's primary
 *   component (it refuses work until it rejoins). Whether a statement in flight committed is unknown,
 *   so nothing is run again.
 */
export type DbFailure = 'retry' | 'duplicate' | 'missing' | 'unavailable';

const UNREACHABLE = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ER_SERVER_SHUTDOWN']);

export function dbFailureOf(err: unknown): DbFailure | null {
  const driver = (err instanceof QueryFailedError ? err.driverError : err) as { errno?: number; code?: string } | undefined;
  if (typeof driver !== 'object' || driver === null) return null;
  switch (driver.errno) {
    case 1213: // ER_LOCK_DEADLOCK
    case 1205: // ER_LOCK_WAIT_TIMEOUT (also a Galera read that waited too long for the cluster)
      return 'retry';
    case 1062: // ER_DUP_ENTRY
      return 'duplicate';
    case 1451: // ER_ROW_IS_REFERENCED_2
    case 1452: // ER_NO_REFERENCED_ROW_2
      return 'missing';
    case 1047: // ER_UNKNOWN_COM_ERROR: "WSREP has not yet prepared node for application use"
      return 'unavailable';
  }
  switch (driver.code) {
    case 'SQLITE_BUSY':
      return 'retry';
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'duplicate';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'missing';
  }
  return driver.code && UNREACHABLE.has(driver.code) ? 'unavailable' : null;
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
 * Takes the write lock `name` (e.g. `lao:6800707`) until the transaction ends, so that transactions
 * deciding on the same data run one after another (the next ลำดับ, the one pending request of a
 * year). On a single MySQL/MariaDB server the row of `write_lock` it updates is held like any written
 * row. On a Galera cluster a row lock on one node does not hold back a writer on another, and
 * certification sees only the rows a transaction writes — which is why this writes its row rather
 * than reading it FOR UPDATE: two transactions that took one lock on two nodes conflict, and the one
 * that commits second fails with a deadlock and runs again (core/transaction.ts), then seeing what the
 * first committed. SQLite runs one unit of work at a time anyway. `name` comes from the code, never
 * from input alone. The transaction's context remembers the name (`writeLocks`), whatever the database,
 * with the `part` of what the lock guards the writer says it changes (e.g. one fiscal year of an LAO;
 * none: any part, which stays so however else it is taken later): the work before its commit learns
 * from it what the transaction may have changed. The lock itself is the same for every part.
 */
export async function takeWriteLock(
  ctx: { em: EntityManager; writeLocks: Map<string, Set<string> | null> },
  name: string,
  part?: string,
): Promise<void> {
  const held = ctx.writeLocks.get(name);
  const first = held === undefined;
  if (part === undefined) ctx.writeLocks.set(name, null);
  else if (first) ctx.writeLocks.set(name, new Set([part]));
  else held?.add(part);
  const { em } = ctx;
  if (!first || !isMysql(em.connection)) return;
  // The row exists after the first use: then one UPDATE, which locks only that row.
  if ((await execute(em, 'UPDATE write_lock SET taken = taken + 1 WHERE name = ?', [name])) === 1) return;
  await execute(em, 'INSERT INTO write_lock (name, taken) VALUES (?, 1) ON DUPLICATE KEY UPDATE taken = taken + 1', [name]);
}

/**
 * An entity from the columns of a raw row (named as in its table, after `prefix`), each converted as
 * TypeORM converts what it reads (dates, booleans, transformers such as money's): for a hot path that
 * reads with one hand-written statement what the query builder would read with several.
 */
export function hydrate<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, raw: Record<string, unknown>, prefix = ''): T {
  const { driver } = em.connection;
  const entity = {} as Record<string, unknown>;
  for (const column of em.connection.getMetadata(target).columns) {
    if (column.isVirtual) continue;
    entity[column.propertyName] = driver.prepareHydratedValue(raw[prefix + column.databaseName], column);
  }
  return Object.assign(em.create(target), entity);
}

/**
 * The values of an entity's columns as parameters of a hand-written statement, in the order of `properties`,
 * each converted as TypeORM converts what it writes (dates on SQLite, booleans, transformers).
 */
export function persisted<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  values: Partial<T>,
  properties: Array<keyof T & string>,
): unknown[] {
  const metadata = em.connection.getMetadata(target);
  return properties.map((p) => em.connection.driver.preparePersistentValue(values[p], metadata.findColumnWithPropertyName(p)!));
}

/** Runs one raw INSERT of a row with an auto-increment key and returns the new key. */
export async function insertReturningId(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const { raw } = await runner.query(sql, params, true);
    return Number(em.connection.options.type === 'better-sqlite3' ? raw : (raw as { insertId: number }).insertId);
  } finally {
    if (!em.queryRunner) await runner.release();
  }
}

/** An entity's columns for a hand-written SELECT: `alias.column AS alias_column`, as `hydrate(…, 'alias_')` reads them back. */
export const selectColumns = <T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, alias: string): string =>
  em.connection
    .getMetadata(target)
    .columns.filter((c) => !c.isVirtual)
    .map((c) => `${alias}.${em.connection.driver.escape(c.databaseName)} AS ${alias}_${c.databaseName}`)
    .join(', ');

/**
 * Inserts rows of an entity with one hand-written INSERT (every column but generated ones, each value
 * converted as TypeORM converts what it writes; a value not given is NULL), reading nothing back: for
 * rows written on every request (audit rows, change events) where the query builder costs more than
 * the statement.
 */
export async function insertEntities<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: Array<Partial<T>>,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = em.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => !c.isVirtual && !c.isGenerated);
  const { driver } = em.connection;
  const one = `(${columns.map(() => '?').join(', ')})`;
  await execute(
    em,
    `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES ${rows
      .map(() => one)
      .join(', ')}`,
    rows.flatMap((row) => columns.map((c) => driver.preparePersistentValue(row[c.propertyName as keyof T] ?? null, c))),
  );
}
