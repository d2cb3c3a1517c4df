/** `npm run seed`: loads the demo data of the seed documents into an empty database (DB_URL). */
import 'reflect-metadata';
import { loadConfig } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';
import { loadDemoDataIfEmpty } from '../server/src/demo/demo-data';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config.db);
  console.log((await loadDemoDataIfEmpty(db)) ? 'demo data loaded' : 'the database already has LAOs: demo data not loaded');
  await db.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
