import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { MoneyScalar, type Satang } from '../../core/money';
import { ProjectCategory, ProjectOrigin, TargetGroup } from './project.enums';

/** Every field of the manual's สร้างโครงการ / แก้ไขโครงการ form. */
@InputType()
export class ProjectInput {
  @Field(() => ProjectOrigin)
  @IsEnum(ProjectOrigin, { message: 'กรุณาระบุว่าเป็นโครงการตามแผนฯ หรือโครงการที่ขอทำเพิ่มเติม' })
  origin: ProjectOrigin;

  @Field()
  @Length(1, 500, { message: 'กรุณากรอกชื่อโครงการ (ไม่เกิน 500 ตัวอักษร)' })
  name: string;

  @Field(() => [Int], { description: 'Fiscal years (BE) it runs in: at least one' })
  @ArrayMinSize(1, { message: 'กรุณาเลือกปีงบประมาณที่ดำเนินการอย่างน้อย 1 ปี' })
  @ArrayMaxSize(10, { message: 'เลือกปีงบประมาณได้ไม่เกิน 10 ปี' })
  @ArrayUnique({ message: 'ปีงบประมาณซ้ำกัน' })
  @IsInt({ each: true, message: 'ปีงบประมาณไม่ถูกต้อง' })
  fiscalYears: number[];

  @Field(() => ProjectCategory)
  @IsEnum(ProjectCategory, { message: 'กรุณาเลือกประเภท โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติงาน' })
  category: ProjectCategory;

  @Field(() => [Int], { description: 'Quarters 1–4: at least one ("pick quarter 1 if unknown")' })
  @ArrayMinSize(1, { message: 'กรุณาเลือกไตรมาสที่ดำเนินการอย่างน้อย 1 ไตรมาส (กรณีไม่ทราบให้เลือกไตรมาส 1)' })
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
  @ArrayUnique({ message: 'มิติเพิ่มเติมซ้ำกัน' })
  @IsIn([1, 2, 3, 4], { each: true, message: 'มิติเพิ่มเติมต้องเป็นมิติที่ 1–4' })
  extraDimensions?: number[] | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Budget in baht for each year it runs in; null = no budget' })
  @IsOptional()
  budget?: Satang | null;

  @Field(() => [TargetGroup])
  @ArrayMinSize(1, { message: 'กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม' })
  @ArrayUnique({ message: 'กลุ่มเป้าหมายซ้ำกัน' })
  @IsEnum(TargetGroup, { each: true, message: 'กลุ่มเป้าหมายไม่ถูกต้อง' })
  targetGroups: TargetGroup[];

  @Field()
  @Length(1, 5000, { message: 'กรุณากรอกวัตถุประสงค์ (ไม่เกิน 5,000 ตัวอักษร)' })
  objective: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'หมายเหตุต้องไม่เกิน 2,000 ตัวอักษร' })
  note?: string | null;
}
