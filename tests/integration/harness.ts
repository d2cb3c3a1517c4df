import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { ManualClock } from '../../server/src/core/clock';
import { loadConfig, NO_RATE_LIMITS, type AppConfig } from '../../server/src/core/config';
import { openDatabase } from '../../server/src/core/database';
import { createLogger } from '../../server/src/core/logger';

/** The databases every integration suite runs against: the embedded one always, MariaDB unless SKIP_MARIADB=1. */
export const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://eplannacc:eplannacc@127.0.0.1:3306/eplannacc_test';
export const databases: Array<{ name: string; url: () => string }> = [
  {
    name: 'sqlite',
    url: () => `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-test-')), 'test.sqlite')}`,
  },
  ...(process.env.SKIP_MARIADB === '1' ? [] : [{ name: 'mariadb', url: () => MARIADB_URL }]),
];

export interface GqlResult<T = Record<string, any>> {
  data: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
  status: number;
  setCookie: string | null;
  headers: Headers;
}

/** A real server on a free port over a real, migrated database, with a clock the test moves. */
export class TestServer {
  clock = new ManualClock(new Date('2024-05-02T03:00:00Z'));
  db!: DataSource;
  config!: AppConfig;
  /** The HTTP application, for tests that read its routes. */
  app!: Express;
  private server!: Server;
  private stopApollo!: () => Promise<void>;
  url = '';

  /**
   * `env` adds to or overrides the test environment. Suites sign in and query many times from one
   * address against a shared database, so no rate limit is reached here unless a test sets one
   * (the limits themselves are tested in limits.test.ts, from addresses of their own).
   */
  static async start(
    dbUrl: string,
    opts: { db?: DataSource; clock?: ManualClock; env?: Record<string, string>; clientDir?: string } = {},
  ): Promise<TestServer> {
    const s = new TestServer();
    if (opts.clock) s.clock = opts.clock;
    s.config = loadConfig({
      DB_URL: dbUrl,
      PORT: '0',
      LOG_LEVEL: 'silent',
      DEMO_DATA: '0',
      PUBLIC_URL: 'http://eplan.test',
      ...NO_RATE_LIMITS,
      ...opts.env,
    });
    s.db = opts.db ?? (await openDatabase(s.config.db));
    const { app, stop } = await createApp({
      db: s.db,
      config: s.config,
      clock: s.clock,
      log: createLogger('silent'),
      clientDir: opts.clientDir ?? null,
    });
    s.app = app;
    s.stopApollo = stop;
    await new Promise<void>((resolve) => {
      s.server = app.listen(0, '127.0.0.1', () => resolve());
    });
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  async stop(closeDb = true): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
    await this.stopApollo();
    if (closeDb) await this.db.destroy();
  }

  /** POSTs one GraphQL operation, as a bearer token holder, a cookie holder, or signed out (from `from`, as a proxy would say). */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth: { token?: string; cookie?: string; from?: string } = {},
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.from) headers['x-forwarded-for'] = auth.from;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: GqlResult['errors'] };
    return {
      data: body.data ?? null,
      errors: body.errors,
      status: res.status,
      setCookie: res.headers.get('set-cookie'),
      headers: res.headers,
    };
  }
}

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt user { id username role laoCode provinceCode } }
}`;

/** Signs in and returns the bearer token; fails the test with the server's message otherwise. */
export async function signIn(server: TestServer, username: string, password: string): Promise<string> {
  const res = await server.gql(LOGIN, { username, password });
  if (!res.data?.login) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token as string;
}

/** The code of the first error, for table-driven assertions. */
export const codeOf = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
