import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EXPECTED, listOf } from '../../core/limits';
import { MoneyScalar, type Satang } from '../../core/money';
import type { Place } from './document-parts';

@ObjectType({ description: 'One project of แผนปฏิบัติการป้องกันการทุจริต, as the printed plan lists it' })
export class ActionPlanRow {
  @Field(() => Int, { description: 'ลำดับ in the printed plan (1, 2, … over the projects listed)' })
  no: number;

  @Field(() => ID)
  projectId: number;

  @Field({ description: 'รายการโครงการ (ตั้งต้น)' })
  name: string;

  @Field(() => Int, { description: 'มิติ (the primary dimension)' })
  dimension: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'งบประมาณ (บาท); null for a project carried out without a budget' })
  budget: Satang | null;

  @Field(() => [Int], { description: 'ดำเนินการไตรมาส: the quarters (1–4) the project runs in' })
  quarters: number[];

  @Field({ description: 'หมายเหตุ: the project’s note, then its standing in brackets when it is not สอดคล้อง' })
  note: string;
}

/**
 * แผนปฏิบัติการป้องกันการทุจริต of an LAO for a fiscal year, built once on the server: the API answers it
 * (the print page) and the action-plan PDF and workbook print it.
 */
@ObjectType({ description: 'แผนปฏิบัติการป้องกันการทุจริต of an LAO for a fiscal year, as it is printed' })
export class ActionPlan {
  /** The LAO, for the documents' headings and file names. */
  lao: { code: string; name: string };

  place: Place;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => [ActionPlanRow], { complexity: listOf(EXPECTED.projectsOfLao) })
  rows: ActionPlanRow[];

  @Field(() => MoneyScalar, { description: 'รวมงบประมาณ of the projects listed (none: 0.00)' })
  totalBudget: Satang;

  @Field(() => Int, { description: 'รวม … โครงการ: the number of projects listed' })
  projectCount: number;
}
