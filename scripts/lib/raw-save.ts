/**
 * The ceiling the load test measures report saves against: a bare node:http server with a mysql2 pool
 * that saves a progress report with the same SQL statements, in the same order, in the same
 * transaction and under the same locks as the app's `saveProgressReport` (copied from the statement
 * log of one real save on MariaDB): the session's token and user, the rate limiter's charge, then in
 * one READ COMMITTED transaction the project and its LAO, the LAO's write lock, the LAO again under the
 * lock, the project-year, the round's window and reopening, both rounds' reports, the report written,
 * its audit row and change event (and the six-month DONE carried, or a carried copy removed), and the
 * LAO-year's maintained figures made again. No GraphQL, no ORM, no middleware: what is left is the
 * SQL and the driver. Started by `npm run loadtest` in a process of its own: PORT, DB_URL (mysql://…).
 */
import http from 'node:http';
import mysql from 'mysql2/promise';
import { sha256 } from '../../server/src/core/crypto';
import { parseDbUrl } from '../../server/src/core/config';
import { parseMoney } from '../../server/src/core/money';
import { SESSION_ISOLATION } from '../../server/src/core/db';
import { scoreFiguresOf } from '../../server/src/modules/scoring/figures.store';
import { figuresOfRows, type PlanGroupRow, type ReportGroupRow } from '../../server/src/modules/scoring/year-figures';
import { COUNTED_STATUSES } from '../../server/src/modules/plan/project.enums';
import { ReportRound } from '../../server/src/modules/plan/report.enums';

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

const AUTH = `SELECT \`t\`.\`id\` AS \`t_id\`, \`t\`.\`token_hash\` AS \`t_token_hash\`, \`t\`.\`user_id\` AS \`t_user_id\`, \`t\`.\`kind\` AS \`t_kind\`, \`t\`.\`name\` AS \`t_name\`, \`t\`.\`created_at\` AS \`t_created_at\`, \`t\`.\`expires_at\` AS \`t_expires_at\`, \`t\`.\`revoked_at\` AS \`t_revoked_at\`, \`t\`.\`scopes\` AS \`t_scopes\`, \`t\`.\`province_code\` AS \`t_province_code\`, \`t\`.\`allowed_ips\` AS \`t_allowed_ips\`, \`t\`.\`last_used_at\` AS \`t_last_used_at\`, \`t\`.\`rotated_at\` AS \`t_rotated_at\`, \`u\`.\`created_at\` AS \`u_created_at\`, \`u\`.\`updated_at\` AS \`u_updated_at\`, \`u\`.\`id\` AS \`u_id\`, \`u\`.\`username\` AS \`u_username\`, \`u\`.\`password_hash\` AS \`u_password_hash\`, \`u\`.\`role\` AS \`u_role\`, \`u\`.\`display_name\` AS \`u_display_name\`, \`u\`.\`email\` AS \`u_email\`, \`u\`.\`lao_code\` AS \`u_lao_code\`, \`u\`.\`province_code\` AS \`u_province_code\`, \`u\`.\`disabled\` AS \`u_disabled\`, \`u\`.\`failed_logins\` AS \`u_failed_logins\`, \`u\`.\`locked_until\` AS \`u_locked_until\`, \`u\`.\`last_login_at\` AS \`u_last_login_at\` FROM \`auth_token\` \`t\` INNER JOIN \`app_user\` \`u\` ON \`u\`.\`id\` = \`t\`.\`user_id\` WHERE \`t\`.\`token_hash\` = ? AND \`t\`.\`revoked_at\` IS NULL AND (\`t\`.\`expires_at\` IS NULL OR \`t\`.\`expires_at\` > ? OR \`t\`.\`kind\` = 'API') AND \`u\`.\`disabled\` = ?`;
const CHARGE = `UPDATE rate_limit SET hits = CASE WHEN window_start <= ? THEN ? ELSE hits + ? END,
         window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END
       WHERE bucket = ? AND (window_start <= ? OR hits + ? <= ?)`;
const PROJECT = `SELECT \`Project\`.\`created_at\` AS \`Project_created_at\`, \`Project\`.\`updated_at\` AS \`Project_updated_at\`, \`Project\`.\`id\` AS \`Project_id\`, \`Project\`.\`version\` AS \`Project_version\`, \`Project\`.\`seq\` AS \`Project_seq\`, \`Project\`.\`lao_code\` AS \`Project_lao_code\`, \`Project\`.\`origin\` AS \`Project_origin\`, \`Project\`.\`name\` AS \`Project_name\`, \`Project\`.\`category\` AS \`Project_category\`, \`Project\`.\`quarters\` AS \`Project_quarters\`, \`Project\`.\`dimension\` AS \`Project_dimension\`, \`Project\`.\`extra_dimensions\` AS \`Project_extra_dimensions\`, \`Project\`.\`budget\` AS \`Project_budget\`, \`Project\`.\`target_groups\` AS \`Project_target_groups\`, \`Project\`.\`objective\` AS \`Project_objective\`, \`Project\`.\`note\` AS \`Project_note\` FROM \`project\` \`Project\` WHERE ((\`Project\`.\`id\` IN (?)))`;
const LAO_COLUMNS = `\`Lao\`.\`created_at\` AS \`Lao_created_at\`, \`Lao\`.\`updated_at\` AS \`Lao_updated_at\`, \`Lao\`.\`code\` AS \`Lao_code\`, \`Lao\`.\`name\` AS \`Lao_name\`, \`Lao\`.\`type\` AS \`Lao_type\`, \`Lao\`.\`size\` AS \`Lao_size\`, \`Lao\`.\`province_code\` AS \`Lao_province_code\`, \`Lao\`.\`district_code\` AS \`Lao_district_code\`, \`Lao\`.\`address\` AS \`Lao_address\`, \`Lao\`.\`area_km2\` AS \`Lao_area_km2\`, \`Lao\`.\`population\` AS \`Lao_population\`, \`Lao\`.\`revenue\` AS \`Lao_revenue\`, \`Lao\`.\`subsidy_revenue\` AS \`Lao_subsidy_revenue\`, \`Lao\`.\`executive_name\` AS \`Lao_executive_name\`, \`Lao\`.\`chief_administrator_name\` AS \`Lao_chief_administrator_name\`, \`Lao\`.\`office_head_name\` AS \`Lao_office_head_name\`, \`Lao\`.\`website\` AS \`Lao_website\`, \`Lao\`.\`coordinator_name\` AS \`Lao_coordinator_name\`, \`Lao\`.\`coordinator_position\` AS \`Lao_coordinator_position\`, \`Lao\`.\`coordinator_department\` AS \`Lao_coordinator_department\`, \`Lao\`.\`coordinator_phone\` AS \`Lao_coordinator_phone\`, \`Lao\`.\`coordinator_mobile\` AS \`Lao_coordinator_mobile\`, \`Lao\`.\`coordinator_fax\` AS \`Lao_coordinator_fax\`, \`Lao\`.\`coordinator_email\` AS \`Lao_coordinator_email\`, \`Lao\`.\`active\` AS \`Lao_active\`, \`Lao\`.\`first_fiscal_year\` AS \`Lao_first_fiscal_year\`, \`Lao\`.\`last_fiscal_year\` AS \`Lao_last_fiscal_year\`, \`Lao\`.\`version\` AS \`Lao_version\``;
const YEAR = `SELECT \`ProjectYear\`.\`project_id\` AS \`ProjectYear_project_id\`, \`ProjectYear\`.\`fiscal_year\` AS \`ProjectYear_fiscal_year\`, \`ProjectYear\`.\`lao_code\` AS \`ProjectYear_lao_code\`, \`ProjectYear\`.\`plan_status\` AS \`ProjectYear_plan_status\`, \`ProjectYear\`.\`review_reason\` AS \`ProjectYear_review_reason\`, \`ProjectYear\`.\`reduction_note\` AS \`ProjectYear_reduction_note\`, \`ProjectYear\`.\`status_changed_at\` AS \`ProjectYear_status_changed_at\` FROM \`project_year\` \`ProjectYear\` WHERE ((\`ProjectYear\`.\`project_id\` = ?) AND (\`ProjectYear\`.\`fiscal_year\` = ?)) LIMIT 1`;
const WINDOWS = `SELECT \`ReportingWindow\`.\`fiscal_year\` AS \`ReportingWindow_fiscal_year\`, \`ReportingWindow\`.\`round\` AS \`ReportingWindow_round\`, \`ReportingWindow\`.\`opens_at\` AS \`ReportingWindow_opens_at\`, \`ReportingWindow\`.\`closes_at\` AS \`ReportingWindow_closes_at\` FROM \`reporting_window\` \`ReportingWindow\` WHERE ((\`ReportingWindow\`.\`fiscal_year\` = ?))`;
const REOPENINGS = `SELECT \`ReportingReopening\`.\`lao_code\` AS \`ReportingReopening_lao_code\`, \`ReportingReopening\`.\`fiscal_year\` AS \`ReportingReopening_fiscal_year\`, \`ReportingReopening\`.\`round\` AS \`ReportingReopening_round\`, \`ReportingReopening\`.\`open_until\` AS \`ReportingReopening_open_until\` FROM \`reporting_reopening\` \`ReportingReopening\` WHERE ((\`ReportingReopening\`.\`lao_code\` = ?) AND (\`ReportingReopening\`.\`fiscal_year\` = ?))`;
const REPORTS = `SELECT \`ProgressReport\`.\`id\` AS \`ProgressReport_id\`, \`ProgressReport\`.\`project_id\` AS \`ProgressReport_project_id\`, \`ProgressReport\`.\`lao_code\` AS \`ProgressReport_lao_code\`, \`ProgressReport\`.\`fiscal_year\` AS \`ProgressReport_fiscal_year\`, \`ProgressReport\`.\`round\` AS \`ProgressReport_round\`, \`ProgressReport\`.\`in_ordinance\` AS \`ProgressReport_in_ordinance\`, \`ProgressReport\`.\`ordinance_budget\` AS \`ProgressReport_ordinance_budget\`, \`ProgressReport\`.\`disbursed\` AS \`ProgressReport_disbursed\`, \`ProgressReport\`.\`status\` AS \`ProgressReport_status\`, \`ProgressReport\`.\`cannot_do_reason\` AS \`ProgressReport_cannot_do_reason\`, \`ProgressReport\`.\`cannot_do_text\` AS \`ProgressReport_cannot_do_text\`, \`ProgressReport\`.\`note\` AS \`ProgressReport_note\`, \`ProgressReport\`.\`carried\` AS \`ProgressReport_carried\`, \`ProgressReport\`.\`reported_by\` AS \`ProgressReport_reported_by\`, \`ProgressReport\`.\`reported_at\` AS \`ProgressReport_reported_at\` FROM \`progress_report\` \`ProgressReport\` WHERE ((\`ProgressReport\`.\`project_id\` = ?) AND (\`ProgressReport\`.\`fiscal_year\` = ?))`;
const INSERT_REPORT = `INSERT INTO \`progress_report\`(\`id\`, \`project_id\`, \`lao_code\`, \`fiscal_year\`, \`round\`, \`in_ordinance\`, \`ordinance_budget\`, \`disbursed\`, \`status\`, \`cannot_do_reason\`, \`cannot_do_text\`, \`note\`, \`carried\`, \`reported_by\`, \`reported_at\`) VALUES (DEFAULT, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING \`id\`, \`carried\``;
const UPDATE_REPORT = `UPDATE \`progress_report\` SET \`project_id\` = ?, \`lao_code\` = ?, \`fiscal_year\` = ?, \`round\` = ?, \`in_ordinance\` = ?, \`ordinance_budget\` = ?, \`disbursed\` = ?, \`status\` = ?, \`cannot_do_reason\` = ?, \`cannot_do_text\` = ?, \`note\` = ?, \`carried\` = ?, \`reported_by\` = ?, \`reported_at\` = ? WHERE \`id\` = ?`;
const AUDIT = `INSERT INTO \`audit_log\`(\`id\`, \`actor_id\`, \`actor_username\`, \`action\`, \`target_type\`, \`target_id\`, \`lao_code\`, \`province_code\`, \`before\`, \`after\`, \`ip\`, \`at\`) VALUES (DEFAULT, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING \`id\``;
const EVENT = `INSERT INTO \`change_event\`(\`id\`, \`seq\`, \`event\`, \`action\`, \`target_type\`, \`target_id\`, \`lao_code\`, \`province_code\`, \`fiscal_year\`, \`data\`, \`occurred_at\`) VALUES (DEFAULT, DEFAULT, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const PLAN_GROUPS = `SELECT \`p\`.\`origin\` AS \`origin\`, \`p\`.\`dimension\` AS \`dimension\`, \`y\`.\`lao_code\` AS \`lao\`, \`y\`.\`fiscal_year\` AS \`year\`, \`y\`.\`plan_status\` AS \`status\`, COUNT(*) AS \`n\`, SUM(\`p\`.\`budget\`) AS \`budget\` FROM \`project_year\` \`y\` INNER JOIN \`project\` \`p\` ON \`p\`.\`id\` = \`y\`.\`project_id\` WHERE (\`y\`.\`lao_code\` = ? AND \`y\`.\`fiscal_year\` IN (?)) GROUP BY \`y\`.\`lao_code\`, \`y\`.\`fiscal_year\`, \`y\`.\`plan_status\`, \`p\`.\`origin\`, \`p\`.\`dimension\``;
const REPORT_GROUPS = `SELECT \`r\`.\`round\` AS \`round\`, \`r\`.\`status\` AS \`status\`, \`p\`.\`dimension\` AS \`dimension\`, \`r\`.\`lao_code\` AS \`lao\`, \`r\`.\`fiscal_year\` AS \`year\`, \`y\`.\`plan_status\` AS \`planStatus\`, COUNT(*) AS \`n\`, SUM(CASE WHEN \`r\`.\`in_ordinance\` = 1 THEN 1 ELSE 0 END) AS \`inOrdinance\`, SUM(\`r\`.\`ordinance_budget\`) AS \`ordinanceBudget\`, SUM(\`r\`.\`disbursed\`) AS \`disbursed\` FROM \`progress_report\` \`r\` INNER JOIN \`project_year\` \`y\` ON \`y\`.\`project_id\` = \`r\`.\`project_id\` AND \`y\`.\`fiscal_year\` = \`r\`.\`fiscal_year\`  INNER JOIN \`project\` \`p\` ON \`p\`.\`id\` = \`r\`.\`project_id\` WHERE (\`r\`.\`lao_code\` = ? AND \`r\`.\`fiscal_year\` IN (?)) GROUP BY \`r\`.\`lao_code\`, \`r\`.\`fiscal_year\`, \`r\`.\`round\`, \`y\`.\`plan_status\`, \`p\`.\`dimension\`, \`r\`.\`status\``;
const PLAN_YEARS = `SELECT \`py\`.\`lao_code\` AS \`py_lao_code\`, \`py\`.\`fiscal_year\` AS \`py_fiscal_year\`, \`py\`.\`baseline_count\` AS \`py_baseline_count\`, \`py\`.\`minimum_count\` AS \`py_minimum_count\` FROM \`plan_year\` \`py\` WHERE (\`py\`.\`lao_code\` = ? AND \`py\`.\`fiscal_year\` IN (?))`;
const INSERT_FIGURES = `INSERT INTO \`lao_year_figures\`(\`lao_code\`, \`fiscal_year\`, \`denominator\`, \`from_minimum\`, \`done_six\`, \`in_progress_six\`, \`done_twelve\`, \`in_progress_twelve\`, \`detail\`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

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

const reportOf = (r: Row): Row =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k.slice('ProgressReport_'.length).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );

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
  const [project] = await rows(c, PROJECT, [projectId]);
  if (!project) throw new Refusal('NOT_FOUND');
  const laoCode = String(project.Project_lao_code);
  await rows(c, `SELECT ${LAO_COLUMNS} FROM \`lao\` \`Lao\` WHERE ((\`Lao\`.\`code\` IN (?)))`, [laoCode]);
  if (session.u_lao_code !== laoCode) throw new Refusal('FORBIDDEN');
  const lock = `lao:${laoCode}`;
  if ((await affected(c, 'UPDATE write_lock SET taken = taken + 1 WHERE name = ?', [lock])) !== 1) {
    await affected(c, 'INSERT INTO write_lock (name, taken) VALUES (?, 1) ON DUPLICATE KEY UPDATE taken = taken + 1', [lock]);
  }
  const [lao] = await rows(c, `SELECT ${LAO_COLUMNS} FROM \`lao\` \`Lao\` WHERE ((\`Lao\`.\`code\` = ?)) LIMIT 1`, [laoCode]);
  const [year] = await rows(c, YEAR, [projectId, fiscalYear]);
  if (!year) throw new Refusal('NOT_FOUND');
  if (!COUNTED_STATUSES.includes(year.ProjectYear_plan_status)) throw new Refusal('CONFLICT');
  const [windows, reopenings] = await Promise.all([rows(c, WINDOWS, [fiscalYear]), rows(c, REOPENINGS, [laoCode, fiscalYear])]);
  const window = windows.find((w) => w.ReportingWindow_round === round);
  const reopened = reopenings.find((r) => r.ReportingReopening_round === round && now < r.ReportingReopening_open_until);
  const inWindow =
    !window ||
    ((!window.ReportingWindow_opens_at || window.ReportingWindow_opens_at <= now) &&
      (!window.ReportingWindow_closes_at || now < window.ReportingWindow_closes_at));
  if (!inWindow && !reopened) throw new Refusal('ROUND_CLOSED');
  if (!input.status || input.inOrdinance === undefined) throw new Refusal('BAD_USER_INPUT');

  const reports = (await rows(c, REPORTS, [projectId, fiscalYear])).map(reportOf);
  const existing = reports.find((r) => r.round === round) ?? null;
  const values = {
    projectId,
    laoCode,
    fiscalYear,
    round,
    inOrdinance: input.inOrdinance,
    ordinanceBudget: parseMoney(input.ordinanceBudget ?? null),
    disbursed: parseMoney(input.disbursed ?? null),
    status: input.status,
    cannotDoReason: input.status === 'CANNOT_DO' ? (input.cannotDoReason ?? null) : null,
    cannotDoText: input.status === 'CANNOT_DO' && input.cannotDoReason === 'OTHER' ? (input.cannotDoText ?? null) : null,
    note: input.note ?? null,
    carried: false,
    reportedBy: session.u_id,
    reportedAt: now,
  };
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
      const [made] = await rows(c, INSERT_REPORT, params);
      return { ...v, id: Number(made.id) };
    }
    await affected(c, UPDATE_REPORT, [...params, before.id]);
    return { ...before, ...v };
  };
  const audit = async (action: string, targetId: unknown, before: unknown, after: unknown) => {
    const snap = (x: unknown) => (x ? JSON.stringify(x) : null);
    await rows(c, AUDIT, [
      session.u_id,
      session.u_username,
      action,
      'ProgressReport',
      String(targetId),
      laoCode,
      lao.Lao_province_code,
      snap(before),
      snap(after),
      ip,
      now,
    ]);
    const event = action === 'removeCarriedReport' ? 'progressReport.removed' : 'progressReport.saved';
    await affected(c, EVENT, [
      event,
      action,
      'ProgressReport',
      String(targetId),
      laoCode,
      lao.Lao_province_code,
      fiscalYear,
      snap(after ?? before),
      now,
    ]);
  };
  const saved = await write(existing, values);
  await audit('saveProgressReport', saved.id, existing, saved);
  if (round === ReportRound.SIX_MONTHS) {
    const twelve = reports.find((r) => r.round === ReportRound.TWELVE_MONTHS) ?? null;
    if (saved.status === 'DONE' && (!twelve || Number(twelve.carried))) {
      const copy = await write(twelve, { ...values, round: ReportRound.TWELVE_MONTHS, carried: true });
      await audit('carryProgressReport', copy.id, twelve, copy);
    } else if (saved.status !== 'DONE' && twelve && Number(twelve.carried)) {
      await affected(c, 'DELETE FROM `progress_report` WHERE `id` IN (?)', [twelve.id]);
      await audit('removeCarriedReport', twelve.id, twelve, null);
    }
  }

  // The LAO-year's figures made again, as before the app's commit.
  const plans = (await rows(c, PLAN_GROUPS, [laoCode, fiscalYear])) as PlanGroupRow[];
  const groups = (await rows(c, REPORT_GROUPS, [laoCode, fiscalYear])) as ReportGroupRow[];
  const planYears = (await rows(c, PLAN_YEARS, [laoCode, fiscalYear])).map((py) => ({
    laoCode: String(py.py_lao_code),
    fiscalYear: Number(py.py_fiscal_year),
    baselineCount: py.py_baseline_count === null ? null : Number(py.py_baseline_count),
    minimumCount: py.py_minimum_count === null ? null : Number(py.py_minimum_count),
  }));
  const f = figuresOfRows(plans, groups, planYears).get(laoCode)?.get(fiscalYear);
  await affected(c, 'DELETE FROM `lao_year_figures` WHERE (`lao_code` = ? AND `fiscal_year` IN (?))', [laoCode, fiscalYear]);
  if (f) {
    const six = scoreFiguresOf(f, ReportRound.SIX_MONTHS);
    const twelve = scoreFiguresOf(f, ReportRound.TWELVE_MONTHS);
    await affected(c, INSERT_FIGURES, [
      laoCode,
      fiscalYear,
      six.denominator,
      six.fromMinimum,
      six.done,
      six.inProgress,
      twelve.done,
      twelve.inProgress,
      JSON.stringify(f),
    ]);
  }
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
