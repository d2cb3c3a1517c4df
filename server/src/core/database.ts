import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../ormconfig';
import type { DbConfig } from './config';

/**
 * Connects to the configured database and brings its schema up to date with the committed
 * migrations. On MySQL several instances may start at once: a named lock lets one migrate at a time.
 */
export async function openDatabase(db: DbConfig, { migrate = true } = {}): Promise<DataSource> {
  if (db.kind === 'sqlite' && db.path !== ':memory:') fs.mkdirSync(path.dirname(db.path), { recursive: true });
  const dataSource = await createDataSource(db);
  await dataSource.initialize();
  if (migrate) await runMigrations(dataSource);
  return dataSource;
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
