import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { Role } from '../account/role';
import { District } from '../geography/district.entity';
import { Province } from '../geography/province.entity';
import { Lao } from './lao.entity';
import { CreateLaoInput } from './lao.inputs';
import { canEditLao } from './lao.policy';
import { createLao, getReadableLao, listLaos } from './lao.service';

@Resolver(() => Lao)
export class LaoResolver {
  @Authorized()
  @Query(() => Lao, { nullable: true, description: 'One LAO, if the user may read it' })
  lao(@Arg('code') code: string, @Ctx() ctx: AppContext): Promise<Lao> {
    return getReadableLao(ctx, code);
  }

  @Authorized()
  @Query(() => [Lao], { description: 'LAOs of a province and/or district, ordered by district then name, within the user’s scope' })
  laos(
    @Ctx() ctx: AppContext,
    @Arg('provinceCode', () => String, { nullable: true }) provinceCode?: string | null,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null,
  ): Promise<Lao[]> {
    return listLaos(ctx, provinceCode, districtCode);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Lao, { description: 'Add an LAO to the registry (no account is made)' })
  createLao(@Arg('input') input: CreateLaoInput, @Ctx() ctx: AppContext): Promise<Lao> {
    return createLao(ctx, input);
  }

  @FieldResolver(() => Province)
  async province(@Root() lao: Lao, @Ctx() ctx: AppContext): Promise<Province> {
    return (await ctx.loaders.provinceByCode.load(lao.provinceCode))!;
  }

  @FieldResolver(() => District)
  async district(@Root() lao: Lao, @Ctx() ctx: AppContext): Promise<District> {
    return (await ctx.loaders.districtByCode.load(lao.districtCode))!;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the current user may change this LAO’s data' })
  canEdit(@Root() lao: Lao, @Ctx() ctx: AppContext): boolean {
    return canEditLao(ctx.user, lao);
  }
}
