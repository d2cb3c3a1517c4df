import path from 'node:path';
import { MAX_QUERY_COST } from './limits';
import { DEFAULT_RENDER_QUEUE_PER_WORKER, DEFAULT_RENDER_TIMEOUT_MS, defaultRenderWorkers, type RenderSettings } from './pdf/render-pool';

/** Process configuration, read once from the environment (PRODUCT.md §8) and validated before anything starts. */
export interface AppConfig {
  port: number;
  db: DbConfig;
  adminUsername?: string;
  adminPassword?: string;
  demoData: boolean;
  /**
   * Run pending migrations at start (MIGRATE_ON_START). Unset: yes, except on a node of a Galera
   * cluster, where migrations run as their own step (`npm run migrate`) and a start with pending
   * migrations is refused, so that DDL never runs under live traffic by surprise.
   */
  migrateOnStart?: boolean;
  smtpUrl?: string;
  /** Serve the API as an Apollo Federation 2 subgraph (FEDERATION=1; server/src/federation.ts). */
  federation: boolean;
  /** Webhooks may point inside the network (loopback, private addresses): WEBHOOK_ALLOW_PRIVATE=1, for tests and closed networks. */
  webhookAllowPrivate: boolean;
  /**
   * How often this instance delivers webhooks, in ms (WEBHOOK_WORKER_MS, default 2000); 0 = never, for an
   * instance kept for the deadline surge while others deliver (leases let any number of them share it).
   */
  webhookWorkerMs: number;
  /**
   * How often this instance runs the scheduled jobs that are due (JOB_RUNNER_MS, default 5000): notices'
   * deliveries, reminders before a round closes, the review digest; 0 = never (another instance does —
   * leases in the database keep each run to one instance).
   */
  jobRunnerMs: number;
  /** Address of the app as users reach it, for links in e-mails. */
  publicUrl: string;
  /** Send cookies only over HTTPS (behind TLS in production). */
  secureCookies: boolean;
  logLevel: string;
  /** Proxies whose X-Forwarded-For is believed (express `trust proxy`): the client address of every limit comes from it. */
  trustProxy: string[];
  rateLimits: RateLimits;
  /** The LINE channel of notices (LINE_*): off without a channel access token. */
  line: LineConfig;
  /** How PDFs are rendered: worker threads, their queue and time limit (RENDER_WORKERS, RENDER_QUEUE, RENDER_TIMEOUT_MS). */
  render: RenderSettings;
  /** What the evidence files of one LAO may take together, in bytes (ATTACHMENT_QUOTA_MB, default 200). */
  attachmentQuotaBytes: number;
  /**
   * Processes that answer requests on the port (WEB_CONCURRENCY, default 1): above 1, a primary prepares
   * the database once and starts that many, sharing the port — one Node process uses one core for
   * requests. MySQL/MariaDB only (the embedded database belongs to one process).
   */
  processes: number;
}

/** At most `count` units (tries, or query cost) per fixed window, counted in the database for every instance. */
export interface RateRule {
  count: number;
  windowMs: number;
}

export interface RateLimits {
  loginPerAddress: RateRule;
  loginPerAccount: RateRule;
  resetPerAddress: RateRule;
  resetPerAccount: RateRule;
  lookupPerAddress: RateRule;
  costPerAddress: RateRule;
  costPerUser: RateRule;
  lineWebhookPerAddress: RateRule;
  publicPerAddress: RateRule;
}

/**
 * The LINE Official Account notices are pushed by (LINE Messaging API). Without LINE_CHANNEL_ACCESS_TOKEN
 * (and LINE_CHANNEL_SECRET, which signs LINE's webhook calls) the channel is off.
 */
export interface LineConfig {
  accessToken?: string;
  channelSecret?: string;
  /** LINE_API_BASE_URL, default https://api.line.me (a stand-in server in tests). */
  apiBaseUrl: string;
  /** Pushes per window from all instances together (LINE_PUSH_RATE, default 1000/1s: half of LINE's 2,000 a second). */
  pushRate: RateRule;
  /** No pushes from `from` o'clock to `to` o'clock in Thailand (LINE_QUIET_HOURS, default 21-7; "off": none): they wait for the morning. */
  quietHours: { from: number; to: number } | null;
  /** Pushes a user gets a day at most (LINE_DAILY_CAP, default 10; 0 = no cap): the rest wait for the next day. */
  dailyCap: number;
}

/**
 * The variable and default of each limit (README's table). Defaults fit a national deployment where the
 * officials of one office, or many subscribers of a mobile operator, share one address.
 */
export const RATE_LIMIT_ENV: Record<keyof RateLimits, [variable: string, fallback: string]> = {
  loginPerAddress: ['RATE_LIMIT_LOGIN_ADDRESS', '100/10m'],
  loginPerAccount: ['RATE_LIMIT_LOGIN_ACCOUNT', '30/10m'],
  resetPerAddress: ['RATE_LIMIT_RESET_ADDRESS', '30/1h'],
  resetPerAccount: ['RATE_LIMIT_RESET_ACCOUNT', '5/1h'],
  lookupPerAddress: ['RATE_LIMIT_LOOKUP_ADDRESS', '120/10m'],
  costPerAddress: ['RATE_LIMIT_COST_ADDRESS', '200000/1m'],
  costPerUser: ['RATE_LIMIT_COST_USER', '1000000/1m'],
  lineWebhookPerAddress: ['RATE_LIMIT_LINE_WEBHOOK_ADDRESS', '600/1m'],
  publicPerAddress: ['RATE_LIMIT_PUBLIC_ADDRESS', '300/1m'],
};

/** Limits no caller reaches, for what measures or exercises something else (benchmarks, the test harness). */
export const NO_RATE_LIMITS: Record<string, string> = Object.fromEntries(
  Object.values(RATE_LIMIT_ENV).map(([variable]) => [variable, '999999999/1h']),
);

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000 };

/** "100/10m" → 100 per ten minutes. Windows run from one second to a day. */
export function parseRateRule(raw: string): RateRule | null {
  const m = /^(\d{1,9})\/(\d{1,5})([smh])$/.exec(raw.trim());
  if (!m) return null;
  const rule = { count: Number(m[1]), windowMs: Number(m[2]) * UNIT_MS[m[3]] };
  return rule.count >= 1 && rule.windowMs >= 1000 && rule.windowMs <= 24 * 3600_000 ? rule : null;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const PROXY_ADDRESS = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)(?:\/\d{1,3})?$/;

export type DbConfig =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'mysql';
      url: string;
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      /** The server's Unix socket when it runs on this host (`?socket=/run/mysqld/mysqld.sock`): cheaper than TCP. */
      socketPath?: string;
      /** Connections this process keeps to the server (DB_POOL_SIZE). */
      poolSize: number;
      /** How long a request waits for a free connection before it is told the system is busy (DB_POOL_TIMEOUT_MS). */
      acquireTimeoutMs: number;
      /** How long a start waits for another process's migrations to finish before it gives up (MIGRATION_WAIT_SECONDS). */
      migrationWaitMs: number;
    };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export const DEFAULT_SQLITE_PATH = 'data/e-plannacc.sqlite';
export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 5_000;
export const DEFAULT_MIGRATION_WAIT_MS = 300_000;

/** Parses DB_URL: empty → the embedded file under data/, `sqlite:<path>`, or `mysql://user:pass@host:port/db`. */
export function parseDbUrl(raw: string | undefined, cwd = process.cwd()): DbConfig {
  const value = (raw ?? '').trim();
  if (value === '') return { kind: 'sqlite', path: path.resolve(cwd, DEFAULT_SQLITE_PATH) };
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError(['DB_URL=sqlite:<path> needs a file path (or :memory:)']);
    return { kind: 'sqlite', path: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  if (value.startsWith('mysql://') || value.startsWith('mariadb://')) {
    let url: URL;
    try {
      url = new URL(value.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new ConfigError([`DB_URL is not a valid URL: ${redact(value)}`]);
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!database) throw new ConfigError(['DB_URL must name a database: mysql://user:pass@host:3306/<database>']);
    return {
      kind: 'mysql',
      url: value,
      host: url.hostname || '127.0.0.1',
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
      database,
      ...(url.searchParams.get('socket') ? { socketPath: url.searchParams.get('socket')! } : {}),
      poolSize: DEFAULT_POOL_SIZE,
      acquireTimeoutMs: DEFAULT_ACQUIRE_TIMEOUT_MS,
      migrationWaitMs: DEFAULT_MIGRATION_WAIT_MS,
    };
  }
  throw new ConfigError([`DB_URL must start with sqlite: or mysql:// (got ${redact(value)})`]);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function parseBool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be 1 or 0 (got "${raw}")`);
  return fallback;
}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** Reads and validates the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (got "${env.PORT}")`);

  let db: DbConfig = { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
  try {
    db = parseDbUrl(env.DB_URL);
  } catch (e) {
    problems.push(...(e instanceof ConfigError ? e.problems : [String(e)]));
  }
  if (db.kind === 'mysql') {
    db.poolSize = parseInteger('DB_POOL_SIZE', env.DB_POOL_SIZE, DEFAULT_POOL_SIZE, 1, 1000, problems);
    db.acquireTimeoutMs = parseInteger('DB_POOL_TIMEOUT_MS', env.DB_POOL_TIMEOUT_MS, DEFAULT_ACQUIRE_TIMEOUT_MS, 1, 600_000, problems);
    db.migrationWaitMs =
      parseInteger('MIGRATION_WAIT_SECONDS', env.MIGRATION_WAIT_SECONDS, DEFAULT_MIGRATION_WAIT_MS / 1000, 0, 86_400, problems) * 1000;
  }
  const migrateOnStart = env.MIGRATE_ON_START ? parseBool('MIGRATE_ON_START', env.MIGRATE_ON_START, true, problems) : undefined;

  const adminUsername = env.ADMIN_USERNAME?.trim() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminUsername) !== Boolean(adminPassword)) {
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD go together: set both or neither');
  }
  if (adminPassword !== undefined && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must have at least 8 characters');

  const demoData = parseBool('DEMO_DATA', env.DEMO_DATA, db.kind === 'sqlite', problems);

  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');

  const federation = parseBool('FEDERATION', env.FEDERATION, false, problems);
  const webhookAllowPrivate = parseBool('WEBHOOK_ALLOW_PRIVATE', env.WEBHOOK_ALLOW_PRIVATE, false, problems);
  const webhookWorkerMs = parseInteger('WEBHOOK_WORKER_MS', env.WEBHOOK_WORKER_MS, 2_000, 0, 3_600_000, problems);
  const jobRunnerMs = parseInteger('JOB_RUNNER_MS', env.JOB_RUNNER_MS, 5_000, 0, 3_600_000, problems);

  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');

  const secureCookies = parseBool('SECURE_COOKIES', env.SECURE_COOKIES, publicUrl.startsWith('https://'), problems);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }

  const trustProxy = (env.TRUST_PROXY?.trim() || 'loopback').split(',').map((p) => p.trim());
  const badProxies = trustProxy.filter((p) => !PROXY_NAMES.has(p) && !PROXY_ADDRESS.test(p));
  if (badProxies.length) {
    problems.push(`TRUST_PROXY must list loopback, linklocal, uniquelocal, addresses or CIDR ranges (got "${badProxies.join(', ')}")`);
  }

  const rateLimits = {} as RateLimits;
  for (const [name, [variable, fallback]] of Object.entries(RATE_LIMIT_ENV) as Array<[keyof RateLimits, [string, string]]>) {
    const raw = env[variable]?.trim() || fallback;
    const rule = parseRateRule(raw);
    if (!rule) problems.push(`${variable} must be <count>/<window>, e.g. ${fallback} (window 1s … 24h; got "${raw}")`);
    else if (name.startsWith('cost') && rule.count < MAX_QUERY_COST) {
      problems.push(`${variable} must allow at least one request of the largest cost (${MAX_QUERY_COST}) per window (got "${raw}")`);
    }
    rateLimits[name] = rule ?? parseRateRule(fallback)!;
  }

  const renderWorkers = parseInteger('RENDER_WORKERS', env.RENDER_WORKERS, defaultRenderWorkers(), 1, 64, problems);
  const render: RenderSettings = {
    workers: renderWorkers,
    queue: parseInteger('RENDER_QUEUE', env.RENDER_QUEUE, renderWorkers * DEFAULT_RENDER_QUEUE_PER_WORKER, 0, 10_000, problems),
    timeoutMs: parseInteger('RENDER_TIMEOUT_MS', env.RENDER_TIMEOUT_MS, DEFAULT_RENDER_TIMEOUT_MS, 100, 3_600_000, problems),
  };

  const line = loadLineConfig(env, problems);
  const attachmentQuotaBytes = parseInteger('ATTACHMENT_QUOTA_MB', env.ATTACHMENT_QUOTA_MB, 200, 1, 2000, problems) * 1024 * 1024;
  const processes = parseInteger('WEB_CONCURRENCY', env.WEB_CONCURRENCY, 1, 1, 64, problems);
  if (processes > 1 && db.kind === 'sqlite') {
    problems.push('WEB_CONCURRENCY above 1 needs MySQL/MariaDB (DB_URL=mysql://…): the embedded database belongs to one process');
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    db,
    adminUsername,
    adminPassword,
    demoData,
    migrateOnStart,
    smtpUrl,
    webhookAllowPrivate,
    webhookWorkerMs,
    jobRunnerMs,
    federation,
    publicUrl,
    secureCookies,
    logLevel,
    trustProxy,
    rateLimits,
    line,
    render,
    attachmentQuotaBytes,
    processes,
  };
}

/** The LINE_* variables (README's table). */
function loadLineConfig(env: NodeJS.ProcessEnv, problems: string[]): LineConfig {
  const accessToken = env.LINE_CHANNEL_ACCESS_TOKEN?.trim() || undefined;
  const channelSecret = env.LINE_CHANNEL_SECRET?.trim() || undefined;
  if (Boolean(accessToken) !== Boolean(channelSecret)) {
    problems.push('LINE_CHANNEL_ACCESS_TOKEN and LINE_CHANNEL_SECRET go together: set both or neither');
  }
  const apiBaseUrl = (env.LINE_API_BASE_URL?.trim() || 'https://api.line.me').replace(/\/$/, '');
  if (!/^https?:\/\/[^/]+/.test(apiBaseUrl)) problems.push('LINE_API_BASE_URL must start with http:// or https://');
  const rawRate = env.LINE_PUSH_RATE?.trim() || '1000/1s';
  const pushRate = parseRateRule(rawRate);
  if (!pushRate) problems.push(`LINE_PUSH_RATE must be <count>/<window>, e.g. 1000/1s (got "${rawRate}")`);
  const rawQuiet = env.LINE_QUIET_HOURS?.trim() || '21-7';
  const quiet = /^(\d{1,2})-(\d{1,2})$/.exec(rawQuiet);
  let quietHours: LineConfig['quietHours'] = null;
  if (quiet && Number(quiet[1]) <= 23 && Number(quiet[2]) <= 23 && quiet[1] !== quiet[2]) {
    quietHours = { from: Number(quiet[1]), to: Number(quiet[2]) };
  } else if (rawQuiet !== 'off') {
    problems.push(`LINE_QUIET_HOURS must be <from>-<to> in hours of Thailand (0–23, e.g. 21-7) or off (got "${rawQuiet}")`);
  }
  const dailyCap = parseInteger('LINE_DAILY_CAP', env.LINE_DAILY_CAP, 10, 0, 1000, problems);
  return { accessToken, channelSecret, apiBaseUrl, pushRate: pushRate ?? { count: 1000, windowMs: 1000 }, quietHours, dailyCap };
}
