import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { FiscalYear } from '../../core/input';
import { EXPECTED, listOf } from '../../core/limits';
import { BaselineRequest } from '../baseline-request/baseline-request.entity';
import { ProjectYear } from '../project/project-year.entity';

export enum ReviewItemKind {
  ADDITION = 'ADDITION',
  REDUCTION = 'REDUCTION',
  BASELINE = 'BASELINE',
}
registerEnumType(ReviewItemKind, { name: 'ReviewItemKind', description: 'ขอเพิ่มโครงการ / ขอลดโครงการ / ขอปรับจำนวนโครงการตั้งต้น' });

@ObjectType({ description: 'What waits for NACC’s decision' })
export class ReviewQueue {
  @Field(() => [ProjectYear], {
    complexity: listOf(EXPECTED.pendingReviews),
    description: 'Additional projects waiting for approval (ADD_PENDING)',
  })
  additions: ProjectYear[];

  @Field(() => [ProjectYear], {
    complexity: listOf(EXPECTED.pendingReviews),
    description: 'Requests to drop a project from a year (REDUCE_PENDING)',
  })
  reductions: ProjectYear[];

  @Field(() => [BaselineRequest], { complexity: listOf(EXPECTED.pendingReviews) })
  baselineRequests: BaselineRequest[];
}

@InputType({ description: 'One item to approve in a batch' })
export class ReviewItemInput {
  @Field(() => ReviewItemKind)
  @IsEnum(ReviewItemKind, { message: 'ประเภทคำขอไม่ถูกต้อง' })
  kind: ReviewItemKind;

  @Field(() => ID, { nullable: true, description: 'For ADDITION and REDUCTION' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'ไม่พบโครงการนี้' })
  projectId?: string | null;

  @Field(() => Int, { nullable: true, description: 'For ADDITION and REDUCTION' })
  @FiscalYear()
  fiscalYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'For BASELINE' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'ไม่พบคำขอนี้' })
  requestId?: string | null;
}
