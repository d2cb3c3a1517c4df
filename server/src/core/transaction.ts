import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppContext } from './context';
import { dbFailureOf, execute, inTransaction, isMysql } from './db';
import { conflict, type DomainError } from './errors';

/** Field extension for a mutation that opens its own transactions (sign-in keeps failed attempts even when it answers with an error). */
export const OWN_TRANSACTIONS = 'ownTransactions';

/**
 * How often a unit of work that lost a race (deadlock, lock wait timeout, cluster certification, unique
 * key) runs at most. On a Galera cluster the writers of one LAO on three nodes lose to each other at
 * COMMIT, one winner per round, so a busy LAO's writes need more rounds than on one server, where
 * they queue on the lock instead.
 */
export const MAX_ATTEMPTS = 8;

/**
 * Runs `work` in one transaction with `ctx.em` bound to it, and with DataLoaders bound to it too:
 * inside a mutation every read goes through the transaction's own connection, so it sees the
 * transaction's writes and never waits for a second pooled connection while holding one (with every
 * connection held by a mutation whose loader waits for another, the pool would deadlock for good).
 * `ctx` is the operation's context as the resolvers get it (Apollo gives each operation a shallow
 * copy of the request's context), so the loaders are created here, from that very object.
 */
export async function runInTransaction<T>(ctx: AppContext, work: () => Promise<T>): Promise<T> {
  try {
    return await inTransaction(ctx.db, async (em) => {
      ctx.em = em;
      ctx.loaders = ctx.createLoaders(ctx);
      return work();
    });
  } finally {
    ctx.em = ctx.db.manager;
    ctx.loaders = ctx.createLoaders(ctx);
  }
}

/** A pause that grows with each lost race, jittered so that the losers of one race do not meet again in the next. */
const backoff = (attempt: number) => {
  const ceiling = Math.min(400, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ceiling / 2 + (Math.random() * ceiling) / 2));
};

const LOST_RACE = 'มีผู้ใช้งานบันทึกข้อมูลเดียวกันนี้ในเวลาเดียวกัน ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาโหลดข้อมูลล่าสุดแล้วลองอีกครั้ง';

/**
 * Runs `attempt` — one whole transaction, or one statement that commits on its own — again from the
 * start while it loses a race: after a deadlock (MySQL's advice; on a Galera cluster the loser of two
 * writes on different nodes learns it at COMMIT, and nothing of it was committed), and after a unique
 * key another request took first (run again, it sees that request's row, so "set" becomes an update
 * and "create" a validation answer). Bounded, with a jittered pause between attempts. A race still
 * lost after that answers `lost` (CONFLICT by default), a row another request deleted CONFLICT: never
 * an internal error. The only place where work is run again.
 */
export async function retryingRaces<T>(
  log: Logger | null,
  what: string,
  attempt: () => Promise<T>,
  lost: () => DomainError = () => conflict(LOST_RACE),
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const failure = dbFailureOf(err);
      if (failure === 'retry' || failure === 'duplicate') {
        if (n < MAX_ATTEMPTS) {
          log?.debug(
            { what, attempt: n, errno: (err as { driverError?: { errno?: number } }).driverError?.errno },
            'lost a race: running again',
          );
          await backoff(n);
          continue;
        }
        log?.info({ err, what, attempts: n }, 'concurrent write lost its race every time');
        throw lost();
      }
      if (failure === 'missing') {
        throw conflict('ข้อมูลที่รายการนี้อ้างถึงถูกลบหรือเปลี่ยนแปลงโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุดแล้วลองอีกครั้ง');
      }
      throw err;
    }
  }
}

/**
 * One statement committed on its own, outside any request's transaction (a counter that must count even
 * when the request fails), run again when it loses a race (on a Galera cluster a statement on another
 * node may change the same row first). On MySQL/MariaDB it runs in autocommit on a pooled connection —
 * one round trip, where a transaction around it would take four (every request charges its rate limit
 * so); on SQLite it queues like a transaction (its one connection may be inside another's).
 */
export const executeAlone = (db: DataSource, sql: string, params: unknown[], lost?: () => DomainError): Promise<number> =>
  retryingRaces(
    null,
    'statement',
    () => (isMysql(db) ? execute(db.manager, sql, params) : inTransaction(db, (em) => execute(em, sql, params))),
    lost,
  );

/**
 * One mutation in one transaction, written to the audit log, run again whole when it lost a race. Mail
 * and other side effects queued in `ctx.afterCommit` leave only after the final commit: an attempt
 * that was rolled back leaves nothing behind, neither its rows (audit rows included) nor its mail.
 * Every mutation runs in it: wrapped here, or called by a mutation with its own transactions for the
 * part after what must not be run again (a rate-limit charge).
 */
export async function runMutation<T>(ctx: AppContext, fieldName: string, resolve: () => Promise<T>): Promise<T> {
  const result = await retryingRaces(ctx.log, fieldName, () => {
    ctx.audited = false;
    ctx.afterCommit = [];
    ctx.writeLocks = new Map();
    ctx.figuresChanges = [];
    return runInTransaction(ctx, async () => {
      const value = await resolve();
      if (!ctx.audited) throw new Error(`Mutation ${fieldName} wrote no audit row`);
      await ctx.beforeCommit(ctx);
      return value;
    });
  });
  // Without holding up the answer (a slow SMTP server must not show in response times).
  for (const job of ctx.afterCommit.splice(0)) {
    void Promise.resolve()
      .then(job)
      .catch((err) => ctx.log.error({ err }, 'after-commit job failed'));
  }
  return result;
}

/**
 * Opens the one transaction of each mutation, in one place: every root Mutation field of the schema
 * runs inside it (the whole field — validation, authorization, resolver — so that a retry runs all of
 * it again). The mutation must write its audit row; one that does not is refused and rolled back, so
 * no change escapes the trail.
 */
export function wrapMutationsInTransactions(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (field.extensions?.[OWN_TRANSACTIONS]) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: AppContext, info) => runMutation(ctx, field.name, async () => resolve(source, args, ctx, info));
  }
  return schema;
}
