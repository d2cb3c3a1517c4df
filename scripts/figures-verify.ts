/**
 * `npm run figures:verify`: recomputes every LAO's figures from its projects, reports and NACC's numbers
 * and compares them with the maintained ones (lao_year_figures, modules/scoring/figures.store.ts) of the
 * database DB_URL names. Prints each difference and exits 1 when there is any.
 *
 * `npm run figures:verify -- --repair` then makes them all again from scratch, in one transaction
 * (after data was loaded around the application, or after servers of an older version wrote).
 */
import 'reflect-metadata';
import { loadConfig } from '../server/src/core/config';
import { inTransaction } from '../server/src/core/db';
import { openDatabase } from '../server/src/core/database';
import { figureDifferences, rebuildFigures } from '../server/src/modules/scoring/figures.store';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config.db, { migrate: false });
  try {
    const started = Date.now();
    const differences = await figureDifferences(db);
    for (const line of differences.slice(0, 200)) console.log(line);
    console.log(`${differences.length} difference(s) (${Date.now() - started} ms)`);
    if (differences.length && process.argv.includes('--repair')) {
      const rows = await inTransaction(db, (em) => rebuildFigures(em));
      console.log(`repaired: ${rows} row(s) made again`);
    } else if (differences.length) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
