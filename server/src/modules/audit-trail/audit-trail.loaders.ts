import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { AppContext } from '../../core/context';
import { User } from '../account/user.entity';

export function createAuditTrailLoaders(ctx: AppContext) {
  return {
    /** Who made each change, for the log's page of rows: one query. */
    auditActorById: new DataLoader<number, User | null>(async (ids) => {
      const rows = await ctx.em.getRepository(User).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
