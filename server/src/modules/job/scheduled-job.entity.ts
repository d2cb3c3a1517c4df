import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One scheduled job (modules/job/job.runner.ts): when it runs next, and who holds it now. Every instance
 * runs the job runner; an instance takes a due job by one conditional UPDATE of this row (its lease),
 * so however many instances there are, each run happens once. A lease that ran out (the instance died
 * mid-run) lets another instance run the job again: jobs are written so that a second run does no harm.
 */
@ObjectType('ScheduledJob', { description: 'งานตามกำหนดเวลาของระบบ (ADMIN): กำหนดรอบถัดไป และผลการทำงานครั้งล่าสุด' })
@Entity('scheduled_job')
export class ScheduledJob {
  @Field({ description: 'The job’s name in the code (e.g. deadlineReminders)' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Field({ description: 'When it is due next' })
  @Column({ type: 'datetime' })
  nextRunAt: Date;

  /** Until when the instance that took it holds it (null: nobody runs it now). */
  @Field(() => Date, { nullable: true, description: 'Set while an instance runs it: until when that instance holds it' })
  @Column({ type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  @Field(() => String, { nullable: true, description: 'The instance that runs it now' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  leasedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When its last run ended' })
  @Column({ type: 'datetime', nullable: true })
  lastRunAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What its last run did, in Thai (e.g. "ส่งการเตือน 12 ราย")' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastResult: string | null;

  @Field(() => String, { nullable: true, description: 'Why its last run failed (null: it did not)' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;
}
