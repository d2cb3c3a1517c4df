import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { AppContext } from '../../core/context';
import { Lao } from './lao.entity';

export function createLaoLoaders(ctx: AppContext) {
  return {
    laoByCode: new DataLoader<string, Lao | null>(async (codes) => {
      const rows = await ctx.em.getRepository(Lao).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  };
}
