import { Field, Int, ObjectType } from 'type-graphql';
import { ReportRound } from '../plan/report.enums';

@ObjectType({ description: 'วันเตือนก่อนปิดรอบรายงานผลของรอบหนึ่ง' })
export class ReminderScheduleRow {
  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => [Int], { description: 'Days before the close, largest first (0 = on the closing day)' })
  days: number[];
}

@ObjectType({ description: 'What remindLao sent' })
export class RemindLaoResult {
  @Field(() => Int, { description: 'Officers of the LAO who got the reminder' })
  recipients: number;

  @Field(() => Int, { description: 'Projects still waiting for a report of the round' })
  waiting: number;
}
