import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A mail the system wrote while no SMTP_URL was set; the admin reads them in the outbox. */
@ObjectType('OutboxMail', { description: 'จดหมายที่ระบบเขียนไว้เมื่อยังไม่ได้ตั้งค่า SMTP' })
@Entity('mail_outbox')
export class OutboxMail {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;
}
