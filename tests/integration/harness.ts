import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createApp } from '../../server/src/app';
import { ManualClock } from '../../server/src/core/clock';
import { loadConfig, NO_RATE_LIMITS, type AppConfig } from '../../server/src/core/config';
import { openDatabase } from '../../server/src/core/database';
import type { ContextDeps } from '../../server/src/core/context';
import { createLogger } from '../../server/src/core/logger';
import { figureDifferences } from '../../server/src/modules/scoring/figures.store';
import { LoginDocument } from '../gql/graphql';
import { postGql, type GqlAuth, type GqlResult, type VariablesOf } from '../support/post-gql';

/** The databases every integration suite runs against: the embedded one always, MariaDB unless SKIP_MARIADB=1. */
export const MARIADB_URL = process.env.TEST_MARIADB_URL ?? 'mysql://eplannacc:eplannacc@127.0.0.1:3306/eplannacc_test';
export const databases: Array<{ name: string; url: () => string }> = [
  {
    name: 'sqlite',
    url: () => `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-test-')), 'test.sqlite')}`,
  },
  ...(process.env.SKIP_MARIADB === '1' ? [] : [{ name: 'mariadb', url: () => MARIADB_URL }]),
];

export type { GqlAuth, GqlErrorExtensions, GqlResult } from '../support/post-gql';

/** A real server on a free port over a real, migrated database, with a clock the test moves. */
export class TestServer {
  clock = new ManualClock(new Date('2024-05-02T03:00:00Z'));
  db!: DataSource;
  config!: AppConfig;
  /** The HTTP application, for tests that read its routes. */
  app!: Express;
  /** What every request's context is made of (the scheduled jobs run with it). */
  deps!: ContextDeps;
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
    const { app, deps, listen, stop } = await createApp({
      db: s.db,
      config: s.config,
      clock: s.clock,
      log: createLogger(process.env.TEST_LOG ?? 'silent'),
      clientDir: opts.clientDir ?? null,
    });
    s.app = app;
    s.deps = deps;
    s.stopApollo = stop;
    s.server = await listen(0, '127.0.0.1');
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  /**
   * Stops the server; first checks that the figures it maintained (modules/scoring/figures.store.ts)
   * equal a fresh computation over whatever the suite did, and fails the suite where they do not.
   */
  async stop(closeDb = true): Promise<void> {
    const differences = this.db.isInitialized ? await figureDifferences(this.db) : [];
    await new Promise((resolve) => this.server.close(resolve));
    await this.stopApollo();
    if (closeDb) await this.db.destroy();
    if (differences.length) {
      throw new Error(
        `maintained figures differ from a fresh computation (stored → computed; on a database kept from an earlier run, ` +
          `\`npm run figures:verify -- --repair\` makes them again):\n${differences.slice(0, 20).join('\n')}`,
      );
    }
  }

  /**
   * POSTs one GraphQL operation: a typed document from tests/operations (generated into tests/gql by
   * `npm run codegen`), its variables and its answer typed by the schema.
   */
  gql<R, V>(document: TypedDocumentNode<R, V>, ...args: VariablesOf<V>): Promise<GqlResult<R>>;
  /**
   * POSTs GraphQL text, untyped by design: only for tests that send malformed or arbitrary operations
   * (fuzz, limits, the authorization matrix generating operations from the schema), which no schema types.
   */
  gql(query: string, variables?: Record<string, unknown>, auth?: GqlAuth): Promise<GqlResult<any>>;
  gql(
    query: string | TypedDocumentNode<unknown, unknown>,
    variables: Record<string, unknown> = {},
    auth: GqlAuth = {},
  ): Promise<GqlResult<unknown>> {
    return postGql(this.url, query as string, variables, auth);
  }
}

/** Signs in and returns the bearer token; fails the test with the server's message otherwise. */
export async function signIn(server: TestServer, username: string, password: string): Promise<string> {
  const res = await server.gql(LoginDocument, { username, password });
  if (!res.data?.login) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** The code of the first error, for table-driven assertions. */
export const codeOf = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
