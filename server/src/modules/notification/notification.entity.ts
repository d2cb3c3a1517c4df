import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../account/user.entity';
import { ReportRound } from '../plan/report.enums';

/** What a notice is about (its template in notification.templates.ts). */
export enum NotificationKind {
  /** N days before a round closes, to the officers of an LAO with projects still waiting. */
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  /** A province office (or NACC central) reminded the LAO now (remindLao). */
  MANUAL_REMINDER = 'MANUAL_REMINDER',
  /** A round opened for reports. */
  ROUND_OPENED = 'ROUND_OPENED',
  /** NACC decided an addition, a reduction, a baseline request or a compliance mark of the LAO. */
  DECISION = 'DECISION',
  /** A province office's pending reviews, once a day. */
  REVIEW_DIGEST = 'REVIEW_DIGEST',
  /** ADMIN's test send to themselves (sendTestNotification). */
  TEST = 'TEST',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'DEADLINE_REMINDER: เตือนก่อนปิดรอบรายงานผล; MANUAL_REMINDER: สำนักงาน ป.ป.ช. เตือน; ROUND_OPENED: เปิดรอบรายงานผล; ' +
    'DECISION: ผลการพิจารณา; REVIEW_DIGEST: สรุปรายการรอพิจารณาประจำวัน; TEST: ทดสอบการแจ้งเตือน',
});

/** The ways a notice leaves the system besides the in-app list (each one a `Channel`, notification.channel.ts). */
export enum NotificationChannel {
  EMAIL = 'EMAIL',
  LINE = 'LINE',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'EMAIL: อีเมล; LINE: LINE Official Account' });

export enum NoticeDeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(NoticeDeliveryStatus, {
  name: 'NoticeDeliveryStatus',
  description: 'PENDING: to be sent (again); SENT: the channel took it; FAILED: every attempt failed',
});

/**
 * One notice to one user: what the in-app list shows (title, body, a link into the app), and what the
 * channels send. Written in the transaction of what it tells about (a decision) or by a job (reminders);
 * `dedupeKey` makes a notice that must go once (a reminder step) unique per user in the database.
 */
@ObjectType('Notification', { description: 'การแจ้งเตือนหนึ่งรายการของผู้ใช้' })
@Entity('notification')
@Index('idx_notification_user', ['userId', 'id'])
@Index('uq_notification_dedupe', ['userId', 'dedupeKey'], { unique: true })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_user' })
  user?: Relation<User>;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Field({ description: 'หัวเรื่อง (Thai)' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'ข้อความ (Thai), with the reason when a request was not approved' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, { nullable: true, description: 'A path in the web app to open (e.g. /projects?lao=…&year=2568)' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @Field(() => String, { nullable: true, description: 'The LAO it concerns' })
  @Column({ type: 'varchar', length: 7, nullable: true })
  laoCode: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  fiscalYear: number | null;

  @Field(() => ReportRound, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  round: ReportRound | null;

  /** Set for notices that go once per user (e.g. `deadline:2568:SIX_MONTHS:7@2025-04-30`); unique with the user. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  dedupeKey: string | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the user marked it read (null: unread)' })
  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;
}

/**
 * The outbox of a notice: one row per channel it goes by, sent after commit by the job runner
 * (notification.delivery.ts), retried with backoff, held by one instance at a time by its lease.
 */
@ObjectType('NotificationDelivery', { description: 'การส่งการแจ้งเตือนหนึ่งรายการทางช่องทางหนึ่ง' })
@Entity('notification_delivery')
@Index('uq_notification_delivery_channel', ['notificationId', 'channel'], { unique: true })
@Index('idx_notification_delivery_due', ['status', 'nextAttemptAt'])
export class NotificationDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  notificationId: number;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'fk_notification_delivery_notification' })
  notification?: Relation<Notification>;

  @Field(() => NotificationChannel)
  @Column({ type: 'varchar', length: 16 })
  channel: NotificationChannel;

  @Field(() => NoticeDeliveryStatus)
  @Column({ type: 'varchar', length: 16 })
  status: NoticeDeliveryStatus;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field()
  @Column({ type: 'datetime' })
  nextAttemptAt: Date;

  /** Which runner holds it, until when. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  leaseOwner: string | null;

  @Column({ type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  /** Sent with every push of this delivery (LINE's X-Line-Retry-Key): a retried push is shown once. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  retryKey: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;
}

/** A user's choices: which channels besides the in-app list, and which reminders (no row: the defaults). */
@Entity('notification_setting')
@Index('idx_notification_setting_line', ['lineUserId'])
export class NotificationSetting {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_setting_user' })
  user?: Relation<User>;

  @Column({ type: 'boolean', default: true })
  email: boolean;

  @Column({ type: 'boolean', default: true })
  line: boolean;

  /** Reminders before a round closes (DEADLINE_REMINDER, MANUAL_REMINDER). */
  @Column({ type: 'boolean', default: true })
  deadlineReminders: boolean;

  /** Notices that a round opened (ROUND_OPENED). */
  @Column({ type: 'boolean', default: true })
  roundOpened: boolean;

  /** The LINE user the account linked (null: none; the LINE channel reaches no one without it). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  lineUserId: string | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
