import type { Request, Response } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { AppConfig } from './config';
import type { Mailer } from './mailer';
import type { QueryBudget } from './rate-limit';
import type { User } from '../modules/account/user.entity';
import type { ApiTokenUse } from '../modules/account/api-token';
import type { Loaders } from '../loaders';
import type { Channel } from '../modules/notification/notification.channel';
import type { NotificationChannel } from '../modules/notification/notification.entity';
import type { CountedReport } from '../modules/scoring/year-figures';

/** Cookie operations of the current HTTP exchange, so services never touch express. */
export interface SessionCookie {
  set(token: string, expires: Date): void;
  clear(): void;
  /** The device cookie the browser sent (modules/account/device-cookie.ts). */
  device: string | undefined;
  setDevice(value: string, expires: Date): void;
}

/**
 * A write's change of one LAO-year's maintained figures by its difference (reports taken away and added),
 * applied before the commit by the application's last step (modules/scoring/figures.store.ts) instead of
 * making the year's figures again: the writer holds the LAO's lock (lao.service.ts `lockLao` 'kept').
 */
export interface FiguresChange {
  laoCode: string;
  fiscalYear: number;
  /** The year's maintained figures (their JSON) as the writer read them under the lock; null: the year has none yet. */
  stored: string | null;
  /** The primary dimension of the project reported on. */
  dimension: number;
  removed: CountedReport[];
  added: CountedReport[];
}

/**
 * Everything a resolver or service needs about the current request. Services take it as their
 * first argument so that the user's scope and the transaction travel with every call.
 */
export interface AppContext extends ContextDeps {
  /** The signed-in user, or null. */
  user: User | null;
  /** The session or API token the request was authenticated with. */
  authTokenId: number | null;
  /** For a request made with an API token: the token, its scopes (checked by account/api-scope.plugin.ts) and its name. */
  apiToken: ApiTokenUse | null;
  /** Inside a mutation: the manager of its transaction. Elsewhere: the data source's manager. */
  em: EntityManager;
  loaders: Loaders;
  ip: string | null;
  cookie: SessionCookie;
  /** Set when the current mutation has written its audit row. */
  audited: boolean;
  /** Work to do once the current transaction has committed (e.g. sending mail). */
  afterCommit: Array<() => Promise<void> | void>;
  /**
   * The write locks the current transaction holds (core/db.ts `takeWriteLock`), each with the parts of
   * what it guards that the transaction may have changed (null: any of it).
   */
  writeLocks: Map<string, Set<string> | null>;
  /** Changes the current transaction made to LAO-years' maintained figures by their difference, kept before the commit. */
  figuresChanges: FiguresChange[];
  /** A GraphQL operation's estimated cost and the caller's budget once it was charged (limits.ts); null before, and outside GraphQL. */
  queryCost: { requested: number; budget: QueryBudget } | null;
}

export interface ContextDeps {
  db: DataSource;
  clock: Clock;
  config: AppConfig;
  log: Logger;
  mailer: Mailer;
  /** The channels notices leave by besides the in-app list (modules/notification), by name. */
  channels: Map<NotificationChannel, Channel>;
  /**
   * Fresh DataLoaders bound to a context's current `em` (the application's loaders; given rather than
   * imported, so that the core depends on no feature module).
   */
  createLoaders: (ctx: AppContext) => Loaders;
  /**
   * The application's last step inside every mutation's transaction, after the mutation and before the
   * commit (the figures NACC reads, kept up to date with the LAOs whose write lock it took): given
   * rather than imported, like the loaders.
   */
  beforeCommit: (ctx: AppContext) => Promise<void>;
}

export function createContext(
  deps: ContextDeps,
  request: { user: User | null; authTokenId: number | null; apiToken: ApiTokenUse | null; ip: string | null; cookie: SessionCookie },
): AppContext {
  const ctx: AppContext = {
    ...deps,
    ...request,
    em: deps.db.manager,
    loaders: undefined as unknown as Loaders,
    audited: false,
    afterCommit: [],
    writeLocks: new Map(),
    figuresChanges: [],
    queryCost: null,
  };
  ctx.loaders = deps.createLoaders(ctx);
  return ctx;
}

/**
 * The context of an HTTP request — the session or bearer token it carries, resolved to its user, and
 * the cookies it may set — the same for GraphQL, /export and /import (app.ts makes it once).
 */
export type ContextOf = (req: Request, res: Response) => Promise<AppContext>;

/**
 * The context of work the system does on its own (scheduled jobs): nobody signed in, no HTTP exchange,
 * reads through the data source's manager.
 */
export const systemContext = (deps: ContextDeps): AppContext =>
  createContext(deps, {
    user: null,
    authTokenId: null,
    apiToken: null,
    ip: null,
    cookie: { set: () => undefined, clear: () => undefined, device: undefined, setDevice: () => undefined },
  });
