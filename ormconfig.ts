import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { parseDbUrl, type DbConfig } from './server/src/core/config';
import { SnakeNamingStrategy } from './server/src/core/db';
import { entities } from './server/src/entities';
import { migrations } from './server/src/migrations';

export type SqlFlavor = 'mysql' | 'mariadb';

/**
 * The one TypeORM DataSource definition, for the embedded SQLite file (default) and for MySQL/MariaDB.
 * Schema changes only through the committed migrations: never `synchronize`.
 */
export function dataSourceOptions(db: DbConfig, flavor: SqlFlavor = 'mysql'): DataSourceOptions {
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
      type: flavor,
      host: db.host,
      port: db.port,
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

/** Asks a MySQL-protocol server whether it is MariaDB. */
async function detectFlavor(db: Extract<DbConfig, { kind: 'mysql' }>): Promise<SqlFlavor> {
  const conn = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0].v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

export async function createDataSource(db: DbConfig): Promise<DataSource> {
  return new DataSource(dataSourceOptions(db, db.kind === 'mysql' ? await detectFlavor(db) : undefined));
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
