#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests on the embedded database always; the same
// integration tests on MariaDB when it answers; end-to-end tests in Chromium when it is installed; the
// Galera suite when a three-node cluster answers. A suite that cannot run here is skipped LOUDLY, with
// how to enable it. With REQUIRE_MARIADB=1, REQUIRE_E2E=1 or REQUIRE_GALERA=1 (as CI sets them; E2E also
// requires poppler's pdftotext) a missing suite fails the run instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mariadbUrl = process.env.TEST_MARIADB_URL ?? 'mysql://eplannacc:eplannacc@127.0.0.1:3306/eplannacc_test';
// The same default as tests/galera/cluster.ts: the cluster of scripts/cluster/galera.sh.
const galeraUrls = (
  process.env.TEST_GALERA_URLS ??
  [13401, 13402, 13403].map((port) => `mysql://eplannacc:eplannacc@127.0.0.1:${port}/eplannacc_galera`).join(',')
).split(',');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function mariadbAnswers(url = mariadbUrl) {
  try {
    const mysql = await import('mysql2/promise');
    const u = new URL(url);
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

/** Null when every node answers and is a Synced member of one cluster of them all. */
async function galeraAnswers() {
  const mysql = await import('mysql2/promise');
  for (const url of galeraUrls) {
    const problem = await mariadbAnswers(url);
    if (problem) return `${url.replace(/:[^:@/]*@/, ':***@')}: ${problem}`;
    const u = new URL(url);
    const conn = await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
    });
    const [rows] = await conn.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_size')");
    await conn.end();
    const status = Object.fromEntries(rows.map((r) => [r.Variable_name.toLowerCase(), r.Value]));
    if (status.wsrep_local_state_comment !== 'Synced' || Number(status.wsrep_cluster_size) !== galeraUrls.length) {
      return `${u.host} is not a Synced node of a ${galeraUrls.length}-node cluster (state ${status.wsrep_local_state_comment ?? 'none'}, size ${status.wsrep_cluster_size ?? 0})`;
    }
  }
  return null;
}

const skipped = [];
const mariadbProblem = await mariadbAnswers();
if (mariadbProblem) {
  skipped.push(
    `MariaDB integration suites: ${mariadbUrl.replace(/:[^:@/]*@/, ':***@')} does not answer (${mariadbProblem}).\n` +
      '    Enable: start MariaDB, then `sudo bash scripts/setup-mariadb.sh` (or set TEST_MARIADB_URL).',
  );
}
const galeraProblem = await galeraAnswers();
if (galeraProblem) {
  skipped.push(
    `Galera cluster suite: ${galeraProblem}.\n` +
      '    Enable: `sudo bash scripts/cluster/galera.sh start` (three nodes on loopback; or set TEST_GALERA_URLS).',
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
if (
  (mariadbProblem && process.env.REQUIRE_MARIADB === '1') ||
  ((e2eProblem || popplerProblem) && process.env.REQUIRE_E2E === '1') ||
  (galeraProblem && process.env.REQUIRE_GALERA === '1')
) {
  console.error('A required suite cannot run (REQUIRE_MARIADB / REQUIRE_E2E / REQUIRE_GALERA): failing.');
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
    SKIP_GALERA: galeraProblem ? '1' : '0',
  },
});
banner();
process.exit(jest.status ?? 1);
