import { Field, Float, InputType, Int } from 'type-graphql';
import { IsIn, IsOptional, Max, Min } from 'class-validator';
import { Count, MaxDecimals } from '../../core/input';
import { MoneyScalar, type Satang } from '../../core/money';

@InputType({ description: 'คะแนน SAR of one dimension' })
export class SarScoreInput {
  @Field(() => Int)
  @IsIn([1, 2, 3, 4], { message: 'มิติต้องเป็น 1–4' })
  dimension: number;

  @Field(() => Float, { nullable: true, description: 'คะแนนประเมินตนเอง, 0–100, two decimals' })
  @IsOptional()
  @MaxDecimals(2, { message: 'คะแนนใส่ทศนิยมได้ไม่เกิน 2 ตำแหน่ง' })
  @Min(0, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  @Max(100, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  selfScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'คะแนนที่ ป.ป.ช. ประเมิน, 0–100, two decimals' })
  @IsOptional()
  @MaxDecimals(2, { message: 'คะแนนใส่ทศนิยมได้ไม่เกิน 2 ตำแหน่ง' })
  @Min(0, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  @Max(100, { message: 'คะแนนต้องอยู่ระหว่าง 0–100' })
  evaluatedScore?: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'งบประมาณต้องไม่ติดลบ' })
  budget?: Satang | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Count('จำนวนโครงการ')
  projectCount?: number | null;
}
