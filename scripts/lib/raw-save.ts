/**
 * The ceiling the load test measures report saves against: a bare node:http server with a mysql2 pool
 * that saves a progress report with the same SQL statements, in the same order, in the same
 * transaction and under the same locks as the app's `saveProgressReport` (copied from the statement
 * log of one real save on MariaDB): the session's token and user, the rate limiter's charge, then in
 * one READ COMMITTED transaction the project's LAO, the LAO's write lock, everything the save decides
 * on read under the lock in one statement, the report written, its audit row and change event (and the
 * six-month DONE carried, or a carried copy removed), and the LAO-year's maintained figures changed by
 * the save's difference. The same rules where the app has them as functions (the round's state, the
 * figures' difference, the score columns). No GraphQL, no ORM, no middleware: what is left is the SQL
 * and the driver. Started by `npm run loadtest` in a process of its own: PORT, DB_URL (mysql://…).
 */
import http from 'node:http';
import mysql from 'mysql2/promise';
import { sha256 } from '../../server/src/core/crypto';
import { parseDbUrl } from '../../server/src/core/config';
import { parseMoney } from '../../server/src/core/money';
import { SESSION_ISOLATION } from '../../server/src/core/db';
import { scoreFiguresOf } from '../../server/src/modules/scoring/figures.store';
import { countReport, type CountedReport, type YearFigures } from '../../server/src/modules/scoring/year-figures';
import { COUNTED_STATUSES } from '../../server/src/modules/plan/project.enums';
import { ReportRound, type WorkStatus } from '../../server/src/modules/plan/report.enums';
import { roundStateOf } from '../../server/src/modules/reporting-window/reporting-window.service';

const db = parseDbUrl(process.env.DB_URL);
if (db.kind !== 'mysql') throw new Error('the raw ceiling runs on MySQL/MariaDB only');
// The app's pool: as many connections, the same session (READ COMMITTED), the same conversions.
const pool = mysql.createPool({
  ...(db.socketPath ? { socketPath: db.socketPath } : { host: db.host, port: db.port }),
  user: db.user,
  password: db.password,
  database: db.database,
  connectionLimit: db.poolSize,
  charset: 'utf8mb4_unicode_ci',
  timezone: 'Z',
  supportBigNumbers: true,
  bigNumberStrings: true,
});
pool.pool.on('connection', (c) => void c.query(`SET SESSION TRANSACTION ISOLATION LEVEL ${SESSION_ISOLATION}`));
type Row = Record<string, any>;
type Conn = mysql.Pool | mysql.PoolConnection;
const rows = async (c: Conn, sql: string, params: unknown[] = []) => (await c.query(sql, params))[0] as Row[];
const affected = async (c: Conn, sql: string, params: unknown[]) => ((await c.query(sql, params))[0] as mysql.ResultSetHeader).affectedRows;

const AUTH = `SELECT t.\`id\` AS t_id, t.\`token_hash\` AS t_token_hash, t.\`user_id\` AS t_user_id, t.\`kind\` AS t_kind, t.\`name\` AS t_name, t.\`created_at\` AS t_created_at, t.\`expires_at\` AS t_expires_at, t.\`revoked_at\` AS t_revoked_at, t.\`scopes\` AS t_scopes, t.\`province_code\` AS t_province_code, t.\`allowed_ips\` AS t_allowed_ips, t.\`last_used_at\` AS t_last_used_at, t.\`rotated_at\` AS t_rotated_at, u.\`created_at\` AS u_created_at, u.\`updated_at\` AS u_updated_at, u.\`id\` AS u_id, u.\`username\` AS u_username, u.\`password_hash\` AS u_password_hash, u.\`role\` AS u_role, u.\`display_name\` AS u_display_name, u.\`email\` AS u_email, u.\`lao_code\` AS u_lao_code, u.\`province_code\` AS u_province_code, u.\`disabled\` AS u_disabled, u.\`failed_logins\` AS u_failed_logins, u.\`locked_until\` AS u_locked_until, u.\`last_login_at\` AS u_last_login_at
    FROM auth_token t JOIN app_user u ON u.id = t.user_id
    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ? OR t.kind = 'API') AND u.disabled = ?`;
const CHARGE = `UPDATE rate_limit SET hits = CASE WHEN window_start <= ? THEN ? ELSE hits + ? END,
         window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END
       WHERE bucket = ? AND (window_start <= ? OR hits + ? <= ?)`;
const PROJECT_LAO =
  'SELECT l.code AS code, l.province_code AS province_code FROM project p JOIN lao l ON l.code = p.lao_code WHERE p.id = ?';
const REPORT = (a: string) =>
  [
    'id',
    'project_id',
    'lao_code',
    'fiscal_year',
    'round',
    'in_ordinance',
    'ordinance_budget',
    'disbursed',
    'status',
    'cannot_do_reason',
    'cannot_do_text',
    'note',
    'carried',
    'reported_by',
    'reported_at',
  ]
    .map((c) => `${a}.\`${c}\` AS ${a}_${c}`)
    .join(', ');
const SAVE_READ = `SELECT l.code AS lao_code, l.province_code AS lao_province_code, p.budget AS budget, p.dimension AS dimension,
      y.plan_status AS plan_status, w.\`fiscal_year\` AS w_fiscal_year, w.\`round\` AS w_round, w.\`opens_at\` AS w_opens_at, w.\`closes_at\` AS w_closes_at, o.\`lao_code\` AS o_lao_code, o.\`fiscal_year\` AS o_fiscal_year, o.\`round\` AS o_round, o.\`open_until\` AS o_open_until,
      f.detail AS figures, ${REPORT('r6')}, ${REPORT('r12')}
    FROM lao l
    JOIN project p ON p.id = ? AND p.lao_code = l.code
    LEFT JOIN project_year y ON y.project_id = p.id AND y.fiscal_year = ?
    LEFT JOIN reporting_window w ON w.fiscal_year = ? AND w.round = ?
    LEFT JOIN reporting_reopening o ON o.lao_code = l.code AND o.fiscal_year = ? AND o.round = ?
    LEFT JOIN lao_year_figures f ON f.lao_code = l.code AND f.fiscal_year = ?
    LEFT JOIN progress_report r6 ON r6.project_id = p.id AND r6.fiscal_year = ? AND r6.round = 'SIX_MONTHS'
    LEFT JOIN progress_report r12 ON r12.project_id = p.id AND r12.fiscal_year = ? AND r12.round = 'TWELVE_MONTHS'
    WHERE l.code = ?`;
const REPORT_COLUMNS =
  'project_id, lao_code, fiscal_year, round, in_ordinance, ordinance_budget, disbursed, status, cannot_do_reason, cannot_do_text, note, carried, reported_by, reported_at';
const INSERT_REPORT = `INSERT INTO progress_report (${REPORT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE_REPORT = `UPDATE progress_report SET ${REPORT_COLUMNS.split(', ')
  .map((c) => `${c} = ?`)
  .join(', ')} WHERE id = ?`;
const AUDIT =
  'INSERT INTO `audit_log` (`actor_id`, `actor_username`, `action`, `target_type`, `target_id`, `lao_code`, `province_code`, `before`, `after`, `ip`, `at`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const EVENT =
  'INSERT INTO `change_event` (`seq`, `event`, `action`, `target_type`, `target_id`, `lao_code`, `province_code`, `fiscal_year`, `data`, `occurred_at`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const FIGURES = `UPDATE lao_year_figures SET denominator = ?, from_minimum = ?, done_six = ?, in_progress_six = ?, done_twelve = ?,
       in_progress_twelve = ?, detail = ? WHERE lao_code = ? AND fiscal_year = ?`;

interface Input {
  projectId: string;
  fiscalYear: number;
  round: ReportRound;
  inOrdinance: boolean;
  ordinanceBudget?: string;
  disbursed?: string;
  status: string;
  cannotDoReason?: string;
  cannotDoText?: string;
  note?: string;
}

class Refusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** A report of the joined row (columns `r6_…`), as the app's entity holds it: numbers, booleans, a date. */
function reportOf(row: Row, prefix: string): Row | null {
  if (row[`${prefix}id`] === null) return null;
  const r = Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
  const money = (v: unknown) => (v === null ? null : Number(v));
  return {
    ...r,
    inOrdinance: Boolean(r.inOrdinance),
    carried: Boolean(r.carried),
    ordinanceBudget: money(r.ordinanceBudget),
    disbursed: money(r.disbursed),
  };
}

/** One save, as the app makes it: the same statements in the same order. */
async function save(token: string, input: Input, ip: string) {
  const now = new Date();
  const [session] = await rows(pool, AUTH, [sha256(token), now, false]);
  if (!session) throw new Refusal('UNAUTHENTICATED');
  // The rate limiter's charge of the operation's cost (NO_RATE_LIMITS: never refused), and what is left.
  const at = now.getTime();
  const over = at - 3_600_000;
  const bucket = `cost:u:${session.u_id}`;
  await affected(pool, CHARGE, [over, 2, 2, over, at, bucket, over, 2, 999_999_999]);
  await rows(pool, 'SELECT window_start AS w, hits AS h FROM rate_limit WHERE bucket = ?', [bucket]);

  const c = await pool.getConnection();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query('START TRANSACTION');
        const result = await saveIn(c, session, input, now, ip);
        await c.query('COMMIT');
        return result;
      } catch (err) {
        await c.query('ROLLBACK');
        const errno = (err as { errno?: number }).errno;
        if ((errno === 1213 || errno === 1205 || errno === 1062) && attempt < 8) continue;
        throw err;
      }
    }
  } finally {
    c.release();
  }
}

async function saveIn(c: mysql.PoolConnection, session: Row, input: Input, now: Date, ip: string) {
  const projectId = Number(input.projectId);
  const { fiscalYear, round } = input;
  const [place] = await rows(c, PROJECT_LAO, [projectId]);
  if (!place) throw new Refusal('NOT_FOUND');
  const laoCode = String(place.code);
  if (session.u_lao_code !== laoCode) throw new Refusal('FORBIDDEN');
  const lock = `lao:${laoCode}`;
  if ((await affected(c, 'UPDATE write_lock SET taken = taken + 1 WHERE name = ?', [lock])) !== 1) {
    await affected(c, 'INSERT INTO write_lock (name, taken) VALUES (?, 1) ON DUPLICATE KEY UPDATE taken = taken + 1', [lock]);
  }
  const [row] = await rows(c, SAVE_READ, [
    projectId,
    fiscalYear,
    fiscalYear,
    round,
    fiscalYear,
    round,
    fiscalYear,
    fiscalYear,
    fiscalYear,
    laoCode,
  ]);
  if (!row) throw new Refusal('NOT_FOUND');
  if (row.plan_status === null) throw new Refusal('NOT_FOUND');
  if (!COUNTED_STATUSES.includes(row.plan_status)) throw new Refusal('CONFLICT');
  const window = row.w_round === null ? null : { opensAt: row.w_opens_at as Date | null, closesAt: row.w_closes_at as Date | null };
  const reopening = row.o_round === null ? null : { openUntil: row.o_open_until as Date };
  if (!roundStateOf(now, fiscalYear, round, window, reopening).open) throw new Refusal('ROUND_CLOSED');
  if (!input.status || input.inOrdinance === undefined) throw new Refusal('BAD_USER_INPUT');

  const six = reportOf(row, 'r6_');
  const twelve = reportOf(row, 'r12_');
  const existing = round === ReportRound.SIX_MONTHS ? six : twelve;
  const values = {
    projectId,
    laoCode,
    fiscalYear,
    round,
    inOrdinance: input.inOrdinance,
    ordinanceBudget: parseMoney(input.ordinanceBudget ?? null),
    disbursed: parseMoney(input.disbursed ?? null),
    status: input.status as WorkStatus,
    cannotDoReason: input.status === 'CANNOT_DO' ? (input.cannotDoReason ?? null) : null,
    cannotDoText: input.status === 'CANNOT_DO' && input.cannotDoReason === 'OTHER' ? (input.cannotDoText ?? null) : null,
    note: input.note ?? null,
    carried: false,
    reportedBy: session.u_id,
    reportedAt: now,
  };
  const figures = row.figures === null ? null : (JSON.parse(String(row.figures)) as YearFigures);
  const count = (report: Row | null, sign: 1 | -1) =>
    report && figures && countReport(figures, Number(row.dimension), report as CountedReport, sign);
  const write = async (before: Row | null, v: typeof values): Promise<Row> => {
    const params = [
      v.projectId,
      v.laoCode,
      v.fiscalYear,
      v.round,
      v.inOrdinance,
      v.ordinanceBudget,
      v.disbursed,
      v.status,
      v.cannotDoReason,
      v.cannotDoText,
      v.note,
      v.carried,
      v.reportedBy,
      v.reportedAt,
    ];
    if (!before) {
      const { insertId } = (await c.query(INSERT_REPORT, params))[0] as mysql.ResultSetHeader;
      return { id: insertId, ...v };
    }
    await affected(c, UPDATE_REPORT, [...params, before.id]);
    return { ...before, ...v };
  };
  const audit = async (action: string, targetId: unknown, before: unknown, after: unknown) => {
    const snap = (x: unknown) => (x ? JSON.stringify(x) : null);
    await affected(c, AUDIT, [
      session.u_id,
      session.u_username,
      action,
      'ProgressReport',
      String(targetId),
      laoCode,
      row.lao_province_code,
      snap(before),
      snap(after),
      ip,
      now,
    ]);
    const event = action === 'removeCarriedReport' ? 'progressReport.removed' : 'progressReport.saved';
    await affected(c, EVENT, [
      null,
      event,
      action,
      'ProgressReport',
      String(targetId),
      laoCode,
      row.lao_province_code,
      fiscalYear,
      snap(after ?? before),
      now,
    ]);
  };
  const saved = await write(existing, values);
  count(existing, -1);
  count(saved, 1);
  await audit('saveProgressReport', saved.id, existing, saved);
  if (round === ReportRound.SIX_MONTHS) {
    if (saved.status === 'DONE' && (!twelve || twelve.carried)) {
      const copy = await write(twelve, { ...values, round: ReportRound.TWELVE_MONTHS, carried: true });
      count(twelve, -1);
      count(copy, 1);
      await audit('carryProgressReport', copy.id, twelve, copy);
    } else if (saved.status !== 'DONE' && twelve?.carried) {
      await affected(c, 'DELETE FROM progress_report WHERE id = ?', [twelve.id]);
      count(twelve, -1);
      await audit('removeCarriedReport', twelve.id, twelve, null);
    }
  }
  // The load test's LAO-years all have their figures row (made when its data was generated).
  if (!figures) throw new Error(`no figures row for ${laoCode}/${fiscalYear}`);
  const s = scoreFiguresOf(figures, ReportRound.SIX_MONTHS);
  const t = scoreFiguresOf(figures, ReportRound.TWELVE_MONTHS);
  await affected(c, FIGURES, [
    s.denominator,
    s.fromMinimum,
    s.done,
    s.inProgress,
    t.done,
    t.inProgress,
    JSON.stringify(figures),
    laoCode,
    fiscalYear,
  ]);
  return { id: String(saved.id), reportedAt: now.toISOString() };
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return void res.end('ok');
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      Promise.resolve()
        .then(() => save(token, (JSON.parse(body) as { variables: { input: Input } }).variables.input, req.socket.remoteAddress ?? ''))
        .then((saveProgressReport) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { saveProgressReport } }));
        })
        .catch((err: Error) => {
          if (err instanceof Refusal) {
            res.writeHead(200, { 'content-type': 'application/json' });
            return void res.end(JSON.stringify({ errors: [{ extensions: { code: err.code } }] }));
          }
          res.writeHead(500);
          res.end(err.message);
        });
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
