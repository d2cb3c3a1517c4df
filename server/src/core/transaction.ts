import type { MiddlewareFn } from 'type-graphql';
import type { AppContext } from './context';
import { inTransaction } from './db';
import { createLoaders } from '../loaders';

/** Field extension for a mutation that opens its own transactions (sign-in keeps failed attempts even when it answers with an error). */
export const OWN_TRANSACTIONS = 'ownTransactions';

/** Runs `work` in one transaction with `ctx.em` bound to it; loaders start fresh afterwards. */
export async function runInTransaction<T>(ctx: AppContext, work: () => Promise<T>): Promise<T> {
  try {
    return await inTransaction(ctx.db, async (em) => {
      ctx.em = em;
      return work();
    });
  } finally {
    ctx.em = ctx.db.manager;
    ctx.loaders = createLoaders(ctx);
  }
}

/**
 * Opens the one transaction of each mutation, in one place: every root Mutation field runs inside
 * it, with `ctx.em` bound to the transaction. The mutation must write its audit row; one that does
 * not is refused and rolled back, so no change escapes the trail.
 */
export const TransactionMiddleware: MiddlewareFn<AppContext> = async ({ context: ctx, info }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  const own = Boolean(info.parentType.getFields()[info.fieldName]?.extensions?.[OWN_TRANSACTIONS]);
  ctx.audited = false;
  ctx.afterCommit = [];
  const result = own
    ? await next()
    : await runInTransaction(ctx, async () => {
        const value = await next();
        if (!ctx.audited) throw new Error(`Mutation ${info.fieldName} wrote no audit row`);
        return value;
      });
  // After commit, and without holding up the answer (a slow SMTP server must not show in response times).
  for (const job of ctx.afterCommit.splice(0)) {
    void Promise.resolve()
      .then(job)
      .catch((err) => ctx.log.error({ err }, 'after-commit job failed'));
  }
  return result;
};
