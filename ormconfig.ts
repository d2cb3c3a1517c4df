import 'reflect-metadata';
import mysql2 from 'mysql2';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { parseDbUrl, type DbConfig } from './server/src/core/config';
import { GALERA_SYNC_WAIT, SESSION_ISOLATION, SnakeNamingStrategy, markGaleraNode } from './server/src/core/db';
import { entities } from './server/src/entities';
import { migrations } from './server/src/migrations';

export type SqlFlavor = 'mysql' | 'mariadb';

/** What answers at DB_URL: MySQL or MariaDB, and whether it is a node of a Galera cluster. */
export interface SqlServer {
  flavor: SqlFlavor;
  galera: boolean;
}

/**
 * mysql2 with every pooled connection, as it opens, set to the session the application's transactions
 * assume: READ COMMITTED (core/db.ts `inTransaction`; then a transaction starts in one statement
 * instead of two), and on a Galera node waiting until the node has applied what the cluster committed
 * before it reads (wsrep_sync_wait): a session revoked or an account locked through one node is then
 * honoured on the next request through any other. Sent before the pool hands the connection out, so it
 * runs before any other statement on it; a connection without it must not serve — the statements queued
 * behind it fail instead.
 */
const sessionDriver = (galera: boolean) =>
  Object.assign(Object.create(mysql2) as typeof mysql2, {
    createPool(options: mysql2.PoolOptions) {
      const pool = mysql2.createPool(options);
      const settings = [`SET SESSION TRANSACTION ISOLATION LEVEL ${SESSION_ISOLATION}`];
      if (galera) settings.push(`SET SESSION wsrep_sync_wait = ${GALERA_SYNC_WAIT}`);
      pool.on('connection', (connection) => {
        for (const sql of settings) connection.query(sql, (err) => err && connection.destroy());
        // TypeORM asks the connection for its promise wrapper at every statement, and mysql2 makes a new one
        // each time (a require, event listeners): each pooled connection keeps the one it made first.
        const wrap = connection.promise.bind(connection);
        let wrapper: ReturnType<typeof wrap> | undefined;
        connection.promise = (promiseImpl?: PromiseConstructor) => (promiseImpl ? wrap(promiseImpl) : (wrapper ??= wrap()));
      });
      return pool;
    },
  });

/**
 * The one TypeORM DataSource definition, for the embedded SQLite file (default) and for MySQL/MariaDB.
 * Schema changes only through the committed migrations: never `synchronize`.
 */
export function dataSourceOptions(db: DbConfig, server: SqlServer = { flavor: 'mysql', galera: false }): DataSourceOptions {
  const common = {
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;
  if (db.kind === 'mysql') {
    return {
      ...common,
      // TypeORM reads MariaDB's catalogue differently (defaults, FK rules): tell it which server it talks to.
      type: server.flavor,
      driver: sessionDriver(server.galera),
      ...(db.socketPath ? { socketPath: db.socketPath } : { host: db.host, port: db.port }),
      username: db.user,
      password: db.password,
      database: db.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      poolSize: db.poolSize,
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    enableWAL: db.path !== ':memory:',
    prepareDatabase: (raw: { pragma(sql: string): unknown }) => {
      raw.pragma('foreign_keys = ON');
      raw.pragma('busy_timeout = 5000');
    },
  };
}

/** Asks a MySQL-protocol server whether it is MariaDB, and whether it replicates as a Galera node. */
async function detectServer(db: Extract<DbConfig, { kind: 'mysql' }>): Promise<SqlServer> {
  const conn = await createConnection({
    ...(db.socketPath ? { socketPath: db.socketPath } : { host: db.host, port: db.port }),
    user: db.user,
    password: db.password,
  });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    const [wsrep] = await conn.query("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'");
    return {
      flavor: /mariadb/i.test(String((rows as Array<{ v: string }>)[0].v)) ? 'mariadb' : 'mysql',
      galera: (wsrep as Array<{ Value: string }>)[0]?.Value === 'ON',
    };
  } finally {
    await conn.end();
  }
}

export async function createDataSource(db: DbConfig): Promise<DataSource> {
  const server = db.kind === 'mysql' ? await detectServer(db) : undefined;
  const dataSource = new DataSource(dataSourceOptions(db, server));
  if (server?.galera) markGaleraNode(dataSource);
  return dataSource;
}

/**
 * For the TypeORM CLI (`typeorm -d ormconfig.ts …`): the database DB_URL names. A thenable, so that
 * merely importing this file connects to nothing.
 */
export default {
  then(resolve: (ds: DataSource) => void, reject: (e: unknown) => void) {
    createDataSource(parseDbUrl(process.env.DB_URL)).then(resolve, reject);
  },
};
