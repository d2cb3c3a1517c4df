import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { AppContext } from './context';
import { dbFailureOf, inTransaction } from './db';
import { conflict } from './errors';
import { createLoaders } from '../loaders';

/** Field extension for a mutation that opens its own transactions (sign-in keeps failed attempts even when it answers with an error). */
export const OWN_TRANSACTIONS = 'ownTransactions';

/** How often a transaction that lost a race (deadlock, lock wait timeout, cluster certification, unique key) runs. */
export const MAX_ATTEMPTS = 4;

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
      ctx.loaders = createLoaders(ctx);
      return work();
    });
  } finally {
    ctx.em = ctx.db.manager;
    ctx.loaders = createLoaders(ctx);
  }
}

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 20));

/**
 * One mutation in one transaction, written to the audit log. A transaction that lost a race is run
 * again from the start: after a deadlock (MySQL's advice; on a Galera cluster the loser of two writes
 * on different nodes learns it at COMMIT), and after a unique key another request took first — run
 * again, it sees that request's row, so "set" becomes an update and "create" a validation answer. A
 * race still lost after that, or a row another request deleted, answers CONFLICT, never an internal
 * error.
 */
async function runMutation<T>(ctx: AppContext, fieldName: string, resolve: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    ctx.audited = false;
    ctx.afterCommit = [];
    try {
      const result = await runInTransaction(ctx, async () => {
        const value = await resolve();
        if (!ctx.audited) throw new Error(`Mutation ${fieldName} wrote no audit row`);
        return value;
      });
      // After commit, and without holding up the answer (a slow SMTP server must not show in response times).
      for (const job of ctx.afterCommit.splice(0)) {
        void Promise.resolve()
          .then(job)
          .catch((err) => ctx.log.error({ err }, 'after-commit job failed'));
      }
      return result;
    } catch (err) {
      const failure = dbFailureOf(err);
      if ((failure === 'retry' || failure === 'duplicate') && attempt < MAX_ATTEMPTS) {
        await backoff(attempt);
        continue;
      }
      if (failure === 'retry' || failure === 'duplicate') {
        ctx.log.info({ err, mutation: fieldName, attempt }, 'concurrent write lost its race');
        throw conflict('มีผู้ใช้งานบันทึกข้อมูลเดียวกันนี้ในเวลาเดียวกัน ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาโหลดข้อมูลล่าสุดแล้วลองอีกครั้ง');
      }
      if (failure === 'missing') {
        throw conflict('ข้อมูลที่รายการนี้อ้างถึงถูกลบหรือเปลี่ยนแปลงโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุดแล้วลองอีกครั้ง');
      }
      throw err;
    }
  }
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
