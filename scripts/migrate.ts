/**
 * `npm run migrate`: brings the database DB_URL names up to date with the committed migrations — the
 * step to run before instances start where they do not migrate at start (a Galera cluster). Several
 * runs at once take turns; each migration runs once.
 *
 * `npm run migrate -- --release-lock` deletes a migration lock left by a process that died while
 * holding it (a start then waits MIGRATION_WAIT_SECONDS and says so). Only when no migration runs.
 */
import 'reflect-metadata';
import { createDataSource } from '../ormconfig';
import { loadConfig } from '../server/src/core/config';
import { openDatabase, releaseMigrationLock } from '../server/src/core/database';
import { createLogger } from '../server/src/core/logger';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (process.argv.includes('--release-lock')) {
    // Connected as it is, schema half-migrated or not.
    const db = await createDataSource(config.db);
    await db.initialize();
    console.log((await releaseMigrationLock(db)) ? 'migration lock released' : 'no migration lock was held');
    await db.destroy();
    return;
  }
  const before = Date.now();
  const db = await openDatabase(config.db, { migrate: true, log });
  await db.destroy();
  console.log(`database up to date (${Date.now() - before} ms)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
