import { createDataSource } from '../../ormconfig';
import { parseDbUrl } from '../../server/src/core/config';
import { openDatabase } from '../../server/src/core/database';
import { loadDemoDataIfEmpty } from '../../server/src/demo/demo-data';
import { databases } from './harness';

/**
 * A database of its own holding only the demo data (the shared test database has other tests' LAOs):
 * a new SQLite file, or a `<db>_<suffix>` MariaDB database made afresh (a suite that changes nationwide
 * settings names its own). Migrated and loaded, with the live current year laid out relative to `now`
 * (server/src/demo/live-year.ts), the day the demo database is made.
 */
export async function demoDatabaseUrl(name: string, suffix = 'demo', now = new Date()): Promise<string> {
  const target = databases.find((d) => d.name === name)!;
  let url = target.url();
  if (name === 'mariadb') {
    const admin = await createDataSource(parseDbUrl(url));
    await admin.initialize();
    url = url.replace(/\/([^/]+)$/, `/$1_${suffix}`);
    const db = (parseDbUrl(url) as { database: string }).database;
    await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
  }
  const db = await openDatabase(parseDbUrl(url));
  await loadDemoDataIfEmpty(db, now);
  await db.destroy();
  return url;
}
