import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { District } from './district.entity';
import { districtLabel, provinceLabel } from './places';
import { Province } from './province.entity';
import { EXPECTED, listOf } from '../../core/limits';

/** Public reference data: provinces and districts (needed signed out, for the username lookup). */
@Resolver()
export class GeographyResolver {
  @Query(() => [Province], { complexity: listOf(EXPECTED.provinces), description: 'All 77 provinces, in Thai alphabetical order' })
  provinces(@Ctx() ctx: AppContext): Promise<Province[]> {
    return ctx.em
      .getRepository(Province)
      .find({ order: { code: 'ASC' } })
      .then(sortThai);
  }

  @Query(() => [District], {
    complexity: listOf(EXPECTED.districtsOfProvince),
    description: 'Districts of a province, in Thai alphabetical order',
  })
  districts(@Arg('provinceCode') provinceCode: string, @Ctx() ctx: AppContext): Promise<District[]> {
    return ctx.em.getRepository(District).findBy({ provinceCode }).then(sortThai);
  }
}

const thai = new Intl.Collator('th');
const sortThai = <T extends { name: string }>(rows: T[]): T[] => rows.sort((a, b) => thai.compare(a.name, b.name));

/** How a province is named on screens, as every document names it (places.ts). */
@Resolver(() => Province)
export class ProvinceLabelResolver {
  @FieldResolver(() => String, { description: '"จังหวัดนครศรีธรรมราช"; "กรุงเทพมหานคร" alone' })
  label(@Root() province: Province): string {
    return provinceLabel(province.code, province.name);
  }
}

/** How a district is named on screens, as every document names it (places.ts). */
@Resolver(() => District)
export class DistrictLabelResolver {
  @FieldResolver(() => String, { description: '"อำเภอชะอวด"; "เขตคลองเตย" in Bangkok' })
  label(@Root() district: District): string {
    return districtLabel(district.provinceCode, district.name);
  }
}
