import { Field, InputType, Int, ObjectType } from 'type-graphql';

/** Rows arrive as text exactly as the file had them; each is checked on its own and reported on its own. */
@InputType()
export class LaoImportRow {
  @Field({ description: 'Row number in the file' }) row: string;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'LaoType or its Thai name (อบต., เทศบาลตำบล, …)' }) type?: string | null;
  @Field(() => String, { nullable: true, description: 'LaoSize or เล็ก/กลาง/ใหญ่' }) size?: string | null;
  @Field(() => String, { nullable: true }) provinceCode?: string | null;
  @Field(() => String, { nullable: true }) districtCode?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
}

@InputType()
export class UserImportRow {
  @Field() row: string;
  @Field(() => String, { nullable: true }) username?: string | null;
  @Field(() => String, { nullable: true }) password?: string | null;
  @Field(() => String, { nullable: true, description: 'Role or its Thai name' }) role?: string | null;
  @Field(() => String, { nullable: true }) laoCode?: string | null;
  @Field(() => String, { nullable: true }) provinceCode?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) displayName?: string | null;
}

@InputType()
export class PlanYearImportRow {
  @Field() row: string;
  @Field(() => String, { nullable: true }) laoCode?: string | null;
  @Field(() => String, { nullable: true }) fiscalYear?: string | null;
  @Field(() => String, { nullable: true }) baselineCount?: string | null;
  @Field(() => String, { nullable: true }) minimumCount?: string | null;
}

@ObjectType({ description: 'What became of one row of an import' })
export class ImportRowResult {
  @Field(() => Int) row: number;
  @Field({ description: 'Saved (created or updated)' }) ok: boolean;
  @Field(() => String, { nullable: true, description: 'CREATED or UPDATED when ok' }) outcome: 'CREATED' | 'UPDATED' | null;
  @Field(() => [String], { description: 'Thai messages of what is wrong with the row' }) messages: string[];
}
