import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FiscalYear, Text } from '../../core/input';
import { MoneyScalar, type Satang } from '../../core/money';
import { ProjectCategory, ProjectOrigin, TargetGroup } from '../plan/project.enums';

/** Every field of the manual's สร้างโครงการ / แก้ไขโครงการ form. */
@InputType()
export class ProjectInput {
  @Field(() => ProjectOrigin)
  @IsEnum(ProjectOrigin, { message: 'กรุณาระบุว่าเป็นโครงการตามแผนฯ หรือโครงการที่ขอทำเพิ่มเติม' })
  origin: ProjectOrigin;

  @Field()
  @Text({ label: 'ชื่อโครงการ', max: 500, required: true })
  name: string;

  @Field(() => [Int], { description: 'Fiscal years (BE) it runs in: at least one' })
  @ArrayMinSize(1, { message: 'กรุณาเลือกปีงบประมาณที่ดำเนินการอย่างน้อย 1 ปี' })
  @ArrayMaxSize(10, { message: 'เลือกปีงบประมาณได้ไม่เกิน 10 ปี' })
  @ArrayUnique({ message: 'ปีงบประมาณซ้ำกัน' })
  @FiscalYear()
  fiscalYears: number[];

  @Field(() => ProjectCategory)
  @IsEnum(ProjectCategory, { message: 'กรุณาเลือกประเภท โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติงาน' })
  category: ProjectCategory;

  @Field(() => [Int], { description: 'Quarters 1–4: at least one ("pick quarter 1 if unknown")' })
  @ArrayMinSize(1, { message: 'กรุณาเลือกไตรมาสที่ดำเนินการอย่างน้อย 1 ไตรมาส (กรณีไม่ทราบให้เลือกไตรมาส 1)' })
  @ArrayMaxSize(4, { message: 'ไตรมาสมีได้ไม่เกิน 4 ไตรมาส' })
  @ArrayUnique({ message: 'ไตรมาสซ้ำกัน' })
  @IsIn([1, 2, 3, 4], { each: true, message: 'ไตรมาสต้องเป็น 1–4' })
  quarters: number[];

  @Field(() => Int, { description: 'Primary dimension 1–4' })
  @IsInt({ message: 'กรุณาเลือกมิติของโครงการ' })
  @Min(1, { message: 'กรุณาเลือกมิติของโครงการ (มิติที่ 1–4)' })
  @Max(4, { message: 'กรุณาเลือกมิติของโครงการ (มิติที่ 1–4)' })
  dimension: number;

  @Field(() => [Int], { nullable: true, description: 'Further dimensions, not the primary one' })
  @IsOptional()
  @ArrayMaxSize(3, { message: 'มิติเพิ่มเติมมีได้ไม่เกิน 3 มิติ' })
  @ArrayUnique({ message: 'มิติเพิ่มเติมซ้ำกัน' })
  @IsIn([1, 2, 3, 4], { each: true, message: 'มิติเพิ่มเติมต้องเป็นมิติที่ 1–4' })
  extraDimensions?: number[] | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Budget in baht for each year it runs in; null = no budget' })
  @IsOptional()
  budget?: Satang | null;

  @Field(() => [TargetGroup])
  @ArrayMinSize(1, { message: 'กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม' })
  @ArrayMaxSize(9, { message: 'กลุ่มเป้าหมายมีได้ไม่เกิน 9 กลุ่ม' })
  @ArrayUnique({ message: 'กลุ่มเป้าหมายซ้ำกัน' })
  @IsEnum(TargetGroup, { each: true, message: 'กลุ่มเป้าหมายไม่ถูกต้อง' })
  targetGroups: TargetGroup[];

  @Field()
  @Text({ label: 'วัตถุประสงค์', max: 5000, required: true, multiline: true })
  objective: string;

  @Field(() => String, { nullable: true })
  @Text({ label: 'หมายเหตุ', max: 2000, multiline: true })
  note?: string | null;
}
