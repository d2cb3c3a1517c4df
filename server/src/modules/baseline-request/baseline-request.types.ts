import { Field, Int, ObjectType } from 'type-graphql';
import { BaselineRequest, RequestStatus } from './baseline-request.entity';

@ObjectType({ description: 'One fiscal year in ขอเพิ่ม/ลดโครงการ' })
export class BaselineYear {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Int, { description: 'จำนวนโครงการตั้งต้น' })
  baselineCount: number;

  @Field(() => Int, { description: 'จำนวนโครงการที่สร้าง' })
  createdCount: number;

  @Field(() => RequestStatus, { nullable: true, description: 'null = ปกติ; PENDING or REJECTED while such a request is the latest' })
  standing: RequestStatus | null;

  @Field({ description: 'False for past years (ไม่สามารถเพิ่ม/ลดโครงการได้)' })
  canRequest: boolean;

  @Field(() => BaselineRequest, { nullable: true })
  latestRequest: BaselineRequest | null;
}
