import { ArgsType, Field } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import type { AppContext } from '../../core/context';
import { connectionOf, PageArgs, pageBy, type Keyset, type Page } from '../../core/connection';
import { API_READS } from '../access/policy';
import { Lao } from './lao.entity';
import { readableLaos } from './lao.service';

export const LaoConnection = connectionOf(Lao, 'Lao', 'A page of the LAO registry, in LAO-code order (laosConnection)');

@ArgsType()
export class LaosConnectionArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Two-digit province code; a province officer’s own province is implied' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Four-digit district code' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'รหัสอำเภอต้องเป็นตัวเลข 4 หลัก' })
  districtCode?: string | null;
}

/** LAOs by their code: unique, never reused, and the registry's own order. */
const BY_CODE: Keyset<Lao> = { name: 'lao', parts: [{ column: 'l.code', kind: 'text', pattern: /^\d{7}$/ }], keyOf: (l) => [l.code] };

/** A page of the LAOs the caller may read (its LAO, its province, or the country), of a province and/or district. */
export function pageLaos(ctx: AppContext, args: LaosConnectionArgs): Promise<Page<Lao>> {
  return pageBy(readableLaos(ctx, API_READS.laosConnection, args.provinceCode, args.districtCode), BY_CODE, args);
}
