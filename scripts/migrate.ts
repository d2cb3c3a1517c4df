/** `npm run migrate`: brings the database DB_URL names up to date with the committed migrations. */
import 'reflect-metadata';
import { loadConfig } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config.db, { migrate: false });
  const pending = await db.showMigrations();
  await db.destroy();
  const migrated = await openDatabase(config.db);
  console.log(pending ? 'migrations applied' : 'database already up to date');
  await migrated.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
