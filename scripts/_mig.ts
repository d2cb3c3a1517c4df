import { createDataSource } from '../ormconfig';
import { parseDbUrl } from '../server/src/core/config';
(async () => {
  for (const url of ['sqlite::memory:', 'mysql://eplannacc:eplannacc@127.0.0.1:3306/eplannacc_test']) {
    const ds = await createDataSource(parseDbUrl(url));
    await ds.initialize();
    if (url.startsWith('mysql')) {
      await ds.dropDatabase();
    }
    await ds.runMigrations();
    const log = await ds.driver.createSchemaBuilder().log();
    console.log(
      url,
      'pending:',
      log.upQueries.map((q) => q.query),
    );
    console.log(await ds.query('select count(*) c from district'));
    await ds.destroy();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
