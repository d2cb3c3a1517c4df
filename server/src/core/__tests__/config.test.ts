import path from 'node:path';
import { ConfigError, DEFAULT_SQLITE_PATH, loadConfig, parseDbUrl } from '../config';
import { defaultRenderWorkers } from '../pdf/render-pool';

describe('configuration from the environment', () => {
  it('defaults to port 4000 on the embedded database with demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, demoData: true, publicUrl: 'http://localhost:4000', secureCookies: false });
    expect(c.db).toEqual({ kind: 'sqlite', path: path.resolve(DEFAULT_SQLITE_PATH) });
  });

  it('reads a MySQL URL, with demo data off by default there', () => {
    const c = loadConfig({ DB_URL: 'mysql://app:s%40cret@db.internal:3307/eplan', PORT: '8080' });
    expect(c.db).toMatchObject({ kind: 'mysql', host: 'db.internal', port: 3307, user: 'app', password: 's@cret', database: 'eplan' });
    expect(c.db).not.toHaveProperty('socketPath');
    expect(parseDbUrl('mysql://app:pw@localhost/eplan?socket=%2Frun%2Fmysqld%2Fmysqld.sock')).toMatchObject({
      database: 'eplan',
      socketPath: '/run/mysqld/mysqld.sock',
    });
    expect(c.demoData).toBe(false);
    expect(parseDbUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
  });

  it('migrates at start unless told (unset: decided by the server), and waits five minutes for another runner by default', () => {
    expect(loadConfig({}).migrateOnStart).toBeUndefined();
    expect(loadConfig({ MIGRATE_ON_START: '0' }).migrateOnStart).toBe(false);
    expect(loadConfig({ MIGRATE_ON_START: '1' }).migrateOnStart).toBe(true);
    expect(loadConfig({ DB_URL: 'mysql://app@db/eplan' }).db).toMatchObject({ migrationWaitMs: 300_000 });
    expect(loadConfig({ DB_URL: 'mysql://app@db/eplan', MIGRATION_WAIT_SECONDS: '30' }).db).toMatchObject({ migrationWaitMs: 30_000 });
    expect(() => loadConfig({ DB_URL: 'mysql://app@db/eplan', MIGRATION_WAIT_SECONDS: 'soon', MIGRATE_ON_START: 'maybe' })).toThrow(
      /MIGRATION_WAIT_SECONDS must be a whole number from 0 to 86400 \(got "soon"\)[\s\S]*MIGRATE_ON_START must be 1 or 0 \(got "maybe"\)/,
    );
  });

  it('renders PDFs in one worker per core but one (one to four), eight waiting per worker, a minute each at most', () => {
    expect(defaultRenderWorkers(1)).toBe(1);
    expect(defaultRenderWorkers(2)).toBe(1);
    expect(defaultRenderWorkers(4)).toBe(3);
    expect(defaultRenderWorkers(32)).toBe(4);
    const workers = defaultRenderWorkers();
    expect(loadConfig({}).render).toEqual({ workers, queue: workers * 8, timeoutMs: 60_000 });
    expect(loadConfig({ RENDER_WORKERS: '3' }).render).toEqual({ workers: 3, queue: 24, timeoutMs: 60_000 });
    expect(loadConfig({ RENDER_WORKERS: '2', RENDER_QUEUE: '0', RENDER_TIMEOUT_MS: '5000' }).render).toEqual({
      workers: 2,
      queue: 0,
      timeoutMs: 5000,
    });
    expect(() => loadConfig({ RENDER_WORKERS: '0', RENDER_QUEUE: 'many' })).toThrow(
      /RENDER_WORKERS must be a whole number from 1 to 64 \(got "0"\)[\s\S]*RENDER_QUEUE must be a whole number from 0 to 10000 \(got "many"\)/,
    );
  });

  it('WEB_CONCURRENCY: server processes on the port, 1 by default, several only on MySQL/MariaDB', () => {
    expect(loadConfig({}).processes).toBe(1);
    expect(loadConfig({ DB_URL: 'mysql://app@db/eplan', WEB_CONCURRENCY: '2' }).processes).toBe(2);
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' })).toThrow('WEB_CONCURRENCY above 1 needs MySQL/MariaDB');
    expect(() => loadConfig({ DB_URL: 'mysql://app@db/eplan', WEB_CONCURRENCY: '0' })).toThrow(
      'WEB_CONCURRENCY must be a whole number from 1 to 64 (got "0")',
    );
  });

  it('lists every problem at once, without echoing passwords', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        PORT: 'abc',
        DB_URL: 'postgres://u:topsecret@h/db',
        ADMIN_USERNAME: 'root',
        DEMO_DATA: 'maybe',
        SMTP_URL: 'mail.example',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'PORT must be a port number (got "abc")',
      'DB_URL must start with sqlite: or mysql:// (got postgres://u:***@h/db)',
      'ADMIN_USERNAME and ADMIN_PASSWORD go together: set both or neither',
      'DEMO_DATA must be 1 or 0 (got "maybe")',
      'SMTP_URL must start with smtp:// or smtps://',
    ]);
    expect(error!.message).not.toContain('topsecret');
  });

  it('refuses a MySQL URL without a database and a short admin password', () => {
    expect(() => loadConfig({ DB_URL: 'mysql://root@localhost:3306/' })).toThrow('DB_URL must name a database');
    expect(() => loadConfig({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'short' })).toThrow(
      'ADMIN_PASSWORD must have at least 8 characters',
    );
  });

  it('reads rate limits as <count>/<window>, with defaults for a national deployment, and the proxies to believe', () => {
    const c = loadConfig({
      RATE_LIMIT_LOGIN_ADDRESS: '20/5m',
      RATE_LIMIT_COST_USER: '50000/30s',
      TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1',
    });
    expect(c.rateLimits.loginPerAddress).toEqual({ count: 20, windowMs: 300_000 });
    expect(c.rateLimits.costPerUser).toEqual({ count: 50_000, windowMs: 30_000 });
    expect(c.rateLimits.loginPerAccount).toEqual({ count: 30, windowMs: 600_000 });
    expect(c.trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
  });

  it('refuses a limit it cannot read, a window over a day, a cost budget below one costly request, and an unknown proxy', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        RATE_LIMIT_LOGIN_ADDRESS: 'many',
        RATE_LIMIT_RESET_ACCOUNT: '5/2d',
        RATE_LIMIT_LOOKUP_ADDRESS: '0/1m',
        RATE_LIMIT_COST_ADDRESS: '1000/1m',
        TRUST_PROXY: 'everyone',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error!.problems).toEqual([
      'TRUST_PROXY must list loopback, linklocal, uniquelocal, addresses or CIDR ranges (got "everyone")',
      'RATE_LIMIT_LOGIN_ADDRESS must be <count>/<window>, e.g. 100/10m (window 1s … 24h; got "many")',
      'RATE_LIMIT_RESET_ACCOUNT must be <count>/<window>, e.g. 5/1h (window 1s … 24h; got "5/2d")',
      'RATE_LIMIT_LOOKUP_ADDRESS must be <count>/<window>, e.g. 120/10m (window 1s … 24h; got "0/1m")',
      'RATE_LIMIT_COST_ADDRESS must allow at least one request of the largest cost (25000) per window (got "1000/1m")',
    ]);
  });

  it('reads the LINE channel: off by default, the allowance, quiet hours and cap, and refuses what it cannot read', () => {
    expect(loadConfig({}).line).toEqual({
      accessToken: undefined,
      channelSecret: undefined,
      apiBaseUrl: 'https://api.line.me',
      pushRate: { count: 1000, windowMs: 1000 },
      quietHours: { from: 21, to: 7 },
      dailyCap: 10,
    });
    const on = loadConfig({
      LINE_CHANNEL_ACCESS_TOKEN: 't',
      LINE_CHANNEL_SECRET: 's',
      LINE_API_BASE_URL: 'http://127.0.0.1:9000/',
      LINE_PUSH_RATE: '500/1s',
      LINE_QUIET_HOURS: 'off',
      LINE_DAILY_CAP: '0',
    }).line;
    expect(on).toMatchObject({
      apiBaseUrl: 'http://127.0.0.1:9000',
      pushRate: { count: 500, windowMs: 1000 },
      quietHours: null,
      dailyCap: 0,
    });
    let error: ConfigError | undefined;
    try {
      loadConfig({ LINE_CHANNEL_ACCESS_TOKEN: 't', LINE_PUSH_RATE: 'fast', LINE_QUIET_HOURS: '21-25', LINE_DAILY_CAP: '-1' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error!.problems).toEqual([
      'LINE_CHANNEL_ACCESS_TOKEN and LINE_CHANNEL_SECRET go together: set both or neither',
      'LINE_PUSH_RATE must be <count>/<window>, e.g. 1000/1s (got "fast")',
      'LINE_QUIET_HOURS must be <from>-<to> in hours of Thailand (0–23, e.g. 21-7) or off (got "21-25")',
      expect.stringContaining('LINE_DAILY_CAP'),
    ]);
  });
});
