import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per change: who, what, on which record, before and after (JSON), when. */
@ObjectType({ description: 'บันทึกการเปลี่ยนแปลงข้อมูล' })
@Entity('audit_log')
@Index('idx_audit_target', ['targetType', 'targetId'])
@Index('idx_audit_actor', ['actorId'])
@Index('idx_audit_lao', ['laoCode'])
export class AuditLog {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field({ description: 'Username at the time, or "-" when signed out' })
  @Column({ type: 'varchar', length: 64 })
  actorUsername: string;

  @Field({ description: 'e.g. login, createUser, updateProject' })
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  targetType: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** The LAO the change belongs to, so province officers can read their province's trail. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 7, nullable: true })
  laoCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the record before the change' })
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the record after the change' })
  @Column({ type: 'text', nullable: true })
  after: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Field()
  @Column({ type: 'datetime' })
  at: Date;
}
