/**
 * The ceiling the bench measures the app against: a bare node:http server with a mysql2 pool that
 * answers the province table with the same SQL statements the app runs for `provinceScores` (the
 * session's token and user, the province, its LAOs with their maintained figures, the year's
 * thresholds, the districts' names) and the same arithmetic (modules/scoring/scoring.ts), as JSON — no
 * GraphQL, no ORM, no middleware. It leaves out the rate limiter's count (one statement a request),
 * which makes the ceiling a little higher than the app could ever reach. Started by `npm run bench`
 * in a process of its own: PORT, DB_URL (mysql://…).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import mysql from 'mysql2/promise';
import {
  capScore,
  DEFAULT_THRESHOLDS,
  implementationScore,
  levelOf,
  toPercent,
  type Thresholds,
} from '../../server/src/modules/scoring/scoring';
import { parseDbUrl } from '../../server/src/core/config';

// The same server, over the same transport (TCP, or the Unix socket of `?socket=`), as the app's.
const db = parseDbUrl(process.env.DB_URL);
if (db.kind !== 'mysql') throw new Error('the raw ceiling runs on MySQL/MariaDB only');
const pool = mysql.createPool({
  ...(db.socketPath ? { socketPath: db.socketPath } : { host: db.host, port: db.port }),
  user: db.user,
  password: db.password,
  database: db.database,
  connectionLimit: 10,
  supportBigNumbers: true,
  bigNumberStrings: true,
});
type Rows = Array<Record<string, unknown>>;
const query = async (sql: string, params: unknown[]) => (await pool.query(sql, params))[0] as Rows;
const thai = new Intl.Collator('th');

async function provinceTable(token: string, provinceCode: string, fiscalYear: number, round: 'SIX_MONTHS' | 'TWELVE_MONTHS') {
  const hash = createHash('sha256').update(token).digest('hex');
  const [session] = await query(
    `SELECT t.id, u.* FROM auth_token t JOIN app_user u ON u.id = t.user_id
     WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) AND u.disabled = 0`,
    [hash, new Date()],
  );
  if (!session) return null;
  const [[province], laos, thresholdRows] = await Promise.all([
    query('SELECT * FROM province WHERE code = ?', [provinceCode]),
    query(
      `SELECT l.*, f.denominator, f.done_six, f.in_progress_six, f.done_twelve, f.in_progress_twelve FROM lao l
       LEFT JOIN lao_year_figures f ON f.lao_code = l.code AND f.fiscal_year = ? WHERE l.active = 1 AND l.province_code = ?`,
      [fiscalYear, provinceCode],
    ),
    query('SELECT * FROM level_threshold WHERE fiscal_year = ?', [fiscalYear]),
  ]);
  const codes = [...new Set(laos.map((l) => String(l.district_code)))];
  const districts = codes.length
    ? await query(`SELECT code, name FROM district WHERE code IN (${codes.map(() => '?').join(',')})`, codes)
    : [];
  const districtName = new Map(districts.map((d) => [String(d.code), String(d.name)]));
  const set = thresholdRows.find((r) => r.round === round);
  const thresholds: Thresholds = set
    ? {
        high: { from: Number(set.high_from), inclusive: Boolean(set.high_inclusive) },
        medium: { from: Number(set.medium_from), inclusive: Boolean(set.medium_inclusive) },
      }
    : DEFAULT_THRESHOLDS[round];
  const six = round === 'SIX_MONTHS';
  const rows = laos.map((l) => {
    const has = l.denominator !== null;
    const raw = has
      ? implementationScore(
          Number(six ? l.done_six : l.done_twelve),
          Number(six ? l.in_progress_six : l.in_progress_twelve),
          Number(l.denominator),
        )
      : 0;
    return {
      lao: { code: l.code, name: l.name },
      districtName: districtName.get(String(l.district_code)) ?? '',
      score: toPercent(raw),
      cappedScore: toPercent(capScore(raw)),
      level: has ? levelOf(capScore(raw), thresholds) : 'LOW',
    };
  });
  rows.sort((a, b) => thai.compare(a.districtName, b.districtName) || thai.compare(String(a.lao.name), String(b.lao.name)));
  const count = (level: string) => rows.filter((r) => r.level === level).length;
  return {
    province: { code: province?.code, name: province?.name },
    rows,
    high: count('HIGH'),
    medium: count('MEDIUM'),
    low: count('LOW'),
  };
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return void res.end('ok');
    const params = new URL(req.url ?? '/', 'http://ceiling').searchParams;
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    provinceTable(
      token,
      params.get('province') ?? '30',
      Number(params.get('year') ?? 2567),
      (params.get('round') as 'SIX_MONTHS') ?? 'SIX_MONTHS',
    )
      .then((table) => {
        res.writeHead(table ? 200 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify(table ? { data: { provinceScores: table } } : { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] }));
      })
      .catch((err: Error) => {
        res.writeHead(500);
        res.end(err.message);
      });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
