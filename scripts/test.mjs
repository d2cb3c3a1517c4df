#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests on the embedded database always; the same
// integration tests on MariaDB when it answers; end-to-end tests in Chromium when it is installed.
// A suite that cannot run here is skipped LOUDLY, with how to enable it. With REQUIRE_MARIADB=1 or
// REQUIRE_E2E=1 (as CI sets them; the latter also requires poppler's pdftotext) a missing suite fails the run instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mariadbUrl = process.env.TEST_MARIADB_URL ?? 'mysql://eplannacc:eplannacc@127.0.0.1:3306/eplannacc_test';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function mariadbAnswers() {
  try {
    const mysql = await import('mysql2/promise');
    const u = new URL(mariadbUrl);
    const conn = await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.slice(1),
      connectTimeout: 3000,
    });
    await conn.end();
    return null;
  } catch (e) {
    return e.message;
  }
}

const skipped = [];
const mariadbProblem = await mariadbAnswers();
if (mariadbProblem) {
  skipped.push(
    `MariaDB integration suites: ${mariadbUrl.replace(/:[^:@/]*@/, ':***@')} does not answer (${mariadbProblem}).\n` +
      '    Enable: start MariaDB, then `sudo bash scripts/setup-mariadb.sh` (or set TEST_MARIADB_URL).',
  );
}
const popplerProblem = spawnSync('pdftotext', ['-v']).error ? 'no pdftotext/pdftoppm (poppler-utils)' : null;
if (popplerProblem) {
  skipped.push(`PDF text and page checks: ${popplerProblem}.\n    Enable: \`apt-get install -y poppler-utils\`.`);
}
let e2eProblem = fs.existsSync(chromium) ? null : `no Chromium at ${chromium}`;
if (!e2eProblem) {
  const build = spawnSync('npm', ['run', 'build:client', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) e2eProblem = 'the client did not build';
}
if (e2eProblem) {
  skipped.push(
    `End-to-end suites in Chromium: ${e2eProblem}.\n    Enable: \`apt-get install -y chromium\` (Debian's package; test tools never download browsers).`,
  );
}

const banner = () => {
  if (!skipped.length) return;
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!!! SKIPPED SUITES — this run did NOT test everything:\n${skipped.map((s) => `!!! - ${s}`).join('\n')}\n${line}\n`,
  );
};
banner();
if ((mariadbProblem && process.env.REQUIRE_MARIADB === '1') || ((e2eProblem || popplerProblem) && process.env.REQUIRE_E2E === '1')) {
  console.error('A required suite cannot run (REQUIRE_MARIADB / REQUIRE_E2E): failing.');
  process.exit(1);
}

const jest = spawnSync(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    SKIP_MARIADB: mariadbProblem ? '1' : '0',
    SKIP_E2E: e2eProblem ? '1' : '0',
    SKIP_PDFTEXT: popplerProblem ? '1' : '0',
  },
});
banner();
process.exit(jest.status ?? 1);
