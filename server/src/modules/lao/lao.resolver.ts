import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { FiscalYearArg } from '../../core/input';
import { District } from '../geography/district.entity';
import { Province } from '../geography/province.entity';
import { Award } from './award.entity';
import { AwardInput, LaoProfileInput } from './lao-profile.inputs';
import { setAwards, updateLaoProfile } from './lao-profile.service';
import { Lao } from './lao.entity';
import { CreateLaoInput, UpdateLaoInput } from './lao.inputs';
import { allow, API_READS, Permission, placeOfLao } from '../access/policy';
import { LaoConnection, LaosConnectionArgs, pageLaos } from './lao.connection';
import { createLao, getReadableLao, listLaos, updateLao } from './lao.service';
import { EXPECTED, listOf, ROUND_TRIP_COST } from '../../core/limits';

@Resolver(() => Lao)
export class LaoResolver {
  @Authorized()
  @Query(() => Lao, { nullable: true, description: 'One LAO, if the user may read it' })
  lao(@Arg('code') code: string, @Ctx() ctx: AppContext): Promise<Lao> {
    return getReadableLao(ctx, code);
  }

  @Authorized()
  @Query(() => [Lao], {
    complexity: listOf(({ districtCode, provinceCode }) =>
      districtCode ? EXPECTED.laosOfDistrict : provinceCode ? EXPECTED.laosOfProvince : EXPECTED.laosOfCountry,
    ),
    description: 'LAOs of a province and/or district, ordered by district then name, within the user’s scope',
  })
  laos(
    @Ctx() ctx: AppContext,
    @Arg('provinceCode', () => String, { nullable: true }) provinceCode?: string | null,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null,
  ): Promise<Lao[]> {
    return listLaos(ctx, provinceCode, districtCode);
  }

  @Authorized(API_READS.laosConnection)
  @Query(() => LaoConnection, {
    description: 'The LAO registry page by page, in LAO-code order, within the caller’s scope: for other systems (`first` or `last` 1–100)',
  })
  async laosConnection(@Args() args: LaosConnectionArgs, @Ctx() ctx: AppContext): Promise<InstanceType<typeof LaoConnection>> {
    return new LaoConnection(await pageLaos(ctx, args));
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => Lao, { description: 'Add an LAO to the registry (no account is made)' })
  createLao(@Arg('input') input: CreateLaoInput, @Ctx() ctx: AppContext): Promise<Lao> {
    return createLao(ctx, input);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => Lao, { description: 'Change an LAO’s registry entry or retire it (ADMIN); its history stays' })
  updateLao(@Arg('code') code: string, @Arg('input') input: UpdateLaoInput, @Ctx() ctx: AppContext): Promise<Lao> {
    return updateLao(ctx, code, input);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => Lao, { description: 'ข้อมูลพื้นฐาน: save the LAO’s basic data' })
  updateLaoProfile(@Arg('laoCode') laoCode: string, @Arg('input') input: LaoProfileInput, @Ctx() ctx: AppContext): Promise<Lao> {
    return updateLaoProfile(ctx, laoCode, input);
  }

  @Authorized(Permission.EDIT_LAO)
  @Mutation(() => [Award], { complexity: listOf(10), description: 'รางวัลที่ได้รับ: replace the awards of one fiscal year' })
  setAwards(
    @Arg('laoCode') laoCode: string,
    @FiscalYearArg() fiscalYear: number,
    @Arg('awards', () => [AwardInput]) awards: AwardInput[],
    @Ctx() ctx: AppContext,
  ): Promise<Award[]> {
    return setAwards(ctx, laoCode, fiscalYear, awards);
  }

  @FieldResolver(() => [Award], { complexity: listOf(10, ROUND_TRIP_COST), description: 'Awards received in a fiscal year' })
  async awards(@Root() lao: Lao, @FiscalYearArg() fiscalYear: number, @Ctx() ctx: AppContext): Promise<Award[]> {
    // Part of the basic data, like the fields the entity keeps for readers only.
    if (!allow(ctx.user, Permission.READ_LAO, placeOfLao(lao))) return [];
    return ctx.em.getRepository(Award).find({ where: { laoCode: lao.code, fiscalYear }, order: { kind: 'ASC' } });
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
    return allow(ctx.user, Permission.EDIT_LAO, placeOfLao(lao));
  }
}
