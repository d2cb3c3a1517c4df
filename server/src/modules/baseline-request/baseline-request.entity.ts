import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Lao } from '../lao/lao.entity';

export enum RequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description: 'รอการอนุมัติ / อนุมัติ / ไม่อนุมัติ / ยกเลิก (a year with none pending or rejected is ปกติ)',
});

/**
 * ขอเพิ่ม/ลดโครงการ: an LAO asks NACC to set its baseline for a fiscal year to a new total. Each request
 * is a record of its own history: who asked and when, who decided or cancelled, when and why.
 */
@ObjectType({ description: 'คำขอปรับจำนวนโครงการตั้งต้น' })
@Entity('baseline_request')
@Index('idx_baseline_request_lao_year', ['laoCode', 'fiscalYear'])
@Index('idx_baseline_request_status', ['status'])
export class BaselineRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_baseline_request_lao' })
  lao?: Relation<Lao>;

  @Field(() => Int)
  @Column({ type: 'int' })
  fiscalYear: number;

  @Field(() => Int, { description: 'The baseline when the request was made' })
  @Column({ type: 'int' })
  currentCount: number;

  @Field(() => Int, { description: 'The total asked for (not the difference)' })
  @Column({ type: 'int' })
  requestedCount: number;

  @Field(() => RequestStatus)
  @Column({ type: 'varchar', length: 16 })
  status: RequestStatus;

  @Field(() => String, { nullable: true, description: 'The reviewer’s reason (required to reject)' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  requestedBy: number | null;

  @Field()
  @Column({ type: 'datetime' })
  requestedAt: Date;

  @Column({ type: 'int', nullable: true })
  decidedBy: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved, rejected or cancelled' })
  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;
}
