import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { SESSION_COOKIE, authenticate, secretOf } from './modules/account/authentication';
import { systemClock, type Clock } from './core/clock';
import type { AppConfig } from './core/config';
import { createLoaders } from './loaders';
import { refreshLockedFigures } from './modules/scoring/figures.store';
import { createContext, type AppContext, type ContextDeps, type ContextOf } from './core/context';
import { configureRendering, stopRendering } from './core/pdf/render-pool';
import { databaseHealth } from './core/database';
import { DomainError, contextError, errorStatusPlugin, formatError, sendHttpError } from './core/errors';
import { limitsPlugin } from './core/cost-plugin';
import { MAX_BODY_BYTES, MAX_TOKENS, depthRule } from './core/limits';
import { createLogger } from './core/logger';
import { createMailer, type Mailer } from './core/mailer';
import { sweepRateLimits } from './core/rate-limit';
import { requestIdMiddleware } from './core/request-id';
import { DEVICE_COOKIE } from './modules/account/device-cookie';
import { sweepLoginLocks } from './modules/account/login.command';
import { trustedDocuments } from './modules/account/trusted-documents';
import { publicRouter } from './modules/public/public.routes';
import { exportRouter } from './modules/export/export.routes';
import { admitApiToken, auditApiRequest } from './modules/account/api-token';
import { apiScopePlugin } from './modules/account/api-scope.plugin';
import { importRouter } from './modules/import/import.routes';
import { attachmentRouter } from './modules/attachment/attachment.routes';
import { publicAttachments } from './modules/attachment/attachment.service';
import { getSchema } from './schema';
import { channelsOf } from './modules/notification/notification.channel';
import { lineWebhookRouter } from './modules/notification/line.link';

export interface AppOptions {
  db: DataSource;
  config: AppConfig;
  clock?: Clock;
  log?: Logger;
  mailer?: Mailer;
  /** The built Vue client to serve; null to serve none (API-only tests). */
  clientDir?: string | null;
}

export interface App {
  app: Express;
  deps: ContextDeps;
  /** Starts serving on `port` (0: any free one) of `host`; resolves once listening. */
  listen(port: number, host?: string): Promise<Server>;
  stop(): Promise<void>;
}

/**
 * How long an idle kept-alive connection stays open. Longer than what a client or a proxy in front keeps
 * one for (Node's fetch: 4 s by the server's hint, nginx 60–75 s), so that it is always the other side
 * that closes it: a server closing a connection at the moment the client sends on it again loses that
 * request (ECONNRESET), which Node's default of 5 s made happen on busy clients.
 */
const KEEP_ALIVE_MS = 75_000;

function securityHeaders(config: AppConfig) {
  // Served over https (PUBLIC_URL): browsers must never fall back to plain http, where cookies and passwords travel in clear.
  const https = config.publicUrl.startsWith('https://');
  return (_req: Request, res: Response, next: () => void) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; script-src 'self'; frame-ancestors 'none'",
    );
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

/** How often stale rate-limit counters and empty lockout units are deleted. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** The HTTP application: GraphQL at /graphql, /healthz, and the built client, on one port. */
export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(options.config.logLevel);
  const mailer = options.mailer ?? createMailer(options.config.smtpUrl, log, clock);
  const deps: ContextDeps = {
    db: options.db,
    clock,
    config: options.config,
    log,
    mailer,
    channels: channelsOf({ db: options.db, mailer, config: options.config }),
    createLoaders,
    beforeCommit: refreshLockedFigures,
  };
  configureRendering(options.config.render, (err, requestId) => log.error({ err, requestId }, 'rendering a PDF failed'));

  const schema = await getSchema({ federation: options.config.federation });
  const apollo = new ApolloServer<AppContext>({
    schema,
    formatError: formatError(log),
    validationRules: [depthRule],
    parseOptions: { maxTokens: MAX_TOKENS },
    // No HTTP caching of answers is used, and Apollo's cache-control plugin (installed unless disabled)
    // wraps every field's resolver to compute it: ~2,000 fields of a province table paid for nothing.
    plugins: [apiScopePlugin, limitsPlugin(schema), errorStatusPlugin, ApolloServerPluginCacheControlDisabled()],
    csrfPrevention: true,
    // Automatic persisted queries off: no caller registers documents. The web client's ids are the
    // trusted documents of codegen's manifest, resolved before Apollo (modules/account/trusted-documents.ts).
    persistedQueries: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    logger: log,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // The client address of every rate limit: X-Forwarded-For is believed from these proxies only.
  app.set('trust proxy', options.config.trustProxy);
  app.use(requestIdMiddleware);
  app.use(securityHeaders(options.config));
  // Officials on slow rural lines: every text response (the client, GraphQL's JSON) goes compressed.
  app.use(compression());
  app.use(cookieParser());

  // Live: the process answers (a load balancer or orchestrator restarts an instance that does not).
  app.get('/healthz/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready: this instance can serve requests now; 503 sends them to other instances meanwhile.
  app.get('/healthz', async (_req, res) => {
    const health = await databaseHealth(options.db);
    if (health.database === 'unreachable') log.error('health check: database unreachable');
    else if (!health.ready) log.warn({ cluster: health.cluster }, 'health check: the database node is not ready');
    const { ready, ...rest } = health;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', ...rest });
  });

  /** The one way a request becomes a context: GraphQL, /export and /import alike. */
  const contextOf: ContextOf = async (req, res) => {
    const { token, ...auth } = await authenticate(options.db, clock.now(), secretOf(req.headers, req.cookies));
    const ctx = createContext(deps, {
      ...auth,
      apiToken: null,
      ip: req.ip ?? null,
      cookie: {
        set: (token, expires) =>
          res.cookie(SESSION_COOKIE, token, {
            httpOnly: true,
            sameSite: 'lax',
            secure: options.config.secureCookies,
            expires,
            path: '/',
          }),
        clear: () => res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: options.config.secureCookies, path: '/' }),
        device: typeof req.cookies?.[DEVICE_COOKIE] === 'string' ? req.cookies[DEVICE_COOKIE] : undefined,
        setDevice: (value, expires) =>
          res.cookie(DEVICE_COOKIE, value, {
            httpOnly: true,
            sameSite: 'strict',
            secure: options.config.secureCookies,
            expires,
            path: '/graphql',
          }),
      },
    });
    if (token?.kind === 'API' && auth.user) {
      const route = `${req.method} ${req.path}`;
      ctx.apiToken = await admitApiToken(options.db, clock.now(), token, auth.user, ctx.ip, (refusal) =>
        auditApiRequest(ctx, token, { operation: route, fields: [route], allowed: false, refusal }),
      );
    }
    return ctx;
  };

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    trustedDocuments,
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        contextOf(req, res).catch((err) => {
          throw contextError(err);
        }),
    }),
  );

  app.use(exportRouter(contextOf, log));
  const clientDir = options.clientDir === undefined ? defaultClientDir() : options.clientDir;
  app.use(publicRouter(contextOf, log, clientDir, publicAttachments));
  app.use(importRouter(contextOf, log));
  app.use(attachmentRouter(contextOf, log));
  app.use(lineWebhookRouter(deps, log));

  // GraphiQL for API token holders: a build of its own next to the client's (client/vite.graphiql.config.ts).
  const graphiqlDir = clientDir && path.join(path.dirname(clientDir), 'dist-graphiql');
  if (graphiqlDir && fs.existsSync(path.join(graphiqlDir, 'index.html'))) {
    app.use('/graphiql/assets', express.static(path.join(graphiqlDir, 'assets'), { index: false, maxAge: '365d', immutable: true }));
    app.get(['/graphiql', '/graphiql/'], (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(graphiqlDir, 'index.html'));
    });
  }
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    // Built assets carry a content hash in their names: they never change, so browsers keep them.
    const assets = { index: false, maxAge: '365d', immutable: true } as const;
    app.use('/assets', precompressedAssets(path.join(clientDir, 'assets'), assets));
    app.use('/assets', express.static(path.join(clientDir, 'assets'), assets));
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the app shell.
    app.get(/^\/(?!graphql|export|healthz|line\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }

  // Anything that fell through (a body too large, a malformed request): a Thai message, never a stack trace.
  app.use((err: { status?: number; statusCode?: number }, _req: Request, res: Response, _next: () => void) => {
    const status = err.status ?? err.statusCode;
    // Ours, or unexpected: the one error table (logged, with the request's reference).
    if (err instanceof DomainError || !status || status >= 500) return sendHttpError(res, err, log, 'json');
    res.status(status).json({ message: status === 413 ? 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด' : 'คำขอไม่ถูกต้อง' });
  });

  const sweep = setInterval(() => {
    const now = clock.now();
    Promise.all([sweepRateLimits(options.db, now), sweepLoginLocks(options.db, now)]).catch((err) =>
      log.warn({ err }, 'sweeping rate-limit counters failed'),
    );
  }, SWEEP_EVERY_MS);
  sweep.unref();

  return {
    app,
    deps,
    listen: (port, host) =>
      new Promise<Server>((resolve, reject) => {
        const server = host === undefined ? app.listen(port) : app.listen(port, host);
        server.keepAliveTimeout = KEEP_ALIVE_MS;
        server.headersTimeout = KEEP_ALIVE_MS + 5_000;
        server.once('listening', () => resolve(server));
        server.once('error', reject);
      }),
    stop: () => {
      clearInterval(sweep);
      return Promise.all([apollo.stop(), stopRendering()]).then(() => undefined);
    },
  };
}

/** client/dist of this checkout, whether running from source or from dist/. */
export function defaultClientDir(): string | null {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'client', 'dist');
    if (fs.existsSync(path.join(dir, 'client', 'package.json'))) return candidate;
  }
  return null;
}

/**
 * The built assets as the build compressed them (`x.js.br`, `x.js.gz`: brotli and gzip at their highest
 * levels, a fifth smaller than compressing on the fly, and no work per request), to browsers that take
 * that encoding; anything else falls through to the plain file (compressed on the fly, if at all).
 */
function precompressedAssets(dir: string, options: { maxAge: string; immutable: boolean }) {
  const root = path.resolve(dir);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = path.join(root, path.normalize(decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(root + path.sep)) return next();
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (req.acceptsEncodings(encoding) !== encoding || !fs.existsSync(file + suffix)) continue;
      res.vary('Accept-Encoding');
      res.setHeader('Content-Encoding', encoding);
      res.type(path.extname(file));
      return res.sendFile(file + suffix, { ...options, dotfiles: 'deny' }, (err) => err && next(err));
    }
    next();
  };
}
