import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { AppContext } from '../../core/context';
import { District } from './district.entity';
import { Province } from './province.entity';

export function createGeographyLoaders(ctx: AppContext) {
  return {
    provinceByCode: new DataLoader<string, Province | null>(async (codes) => {
      const rows = await ctx.em.getRepository(Province).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    districtByCode: new DataLoader<string, District | null>(async (codes) => {
      const rows = await ctx.em.getRepository(District).findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  };
}
