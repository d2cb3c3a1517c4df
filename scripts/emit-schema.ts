/** Writes schema.graphql from the code (`npm run schema`), or with --check fails when the committed one is stale. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../server/src/schema';

async function main() {
  const file = path.resolve(__dirname, '..', 'schema.graphql');
  const header = '# e-PlanNACC GraphQL API: emitted from server/src by `npm run schema`. Do not edit by hand.\n\n';
  const text = header + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error('schema.graphql is stale: run `npm run schema` and commit the result.');
      process.exit(1);
    }
    console.log('schema.graphql is current.');
    return;
  }
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
