import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../account/user.entity';

/** A subscription of a calling system (its SERVICE account, or an ADMIN) to events of the change feed. */
@ObjectType('Webhook', { description: 'Events of the change feed pushed to a calling system’s URL, signed with HMAC-SHA256' })
@Entity('webhook')
@Index('idx_webhook_owner', ['ownerId'])
export class Webhook {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** The account that subscribed: events reach it only within what it may read. */
  @Field(() => Int)
  @Column({ type: 'int' })
  ownerId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_webhook_owner' })
  owner?: Relation<User>;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  url: string;

  /** Event names, comma-separated (modules/audit/change-events.ts). */
  @Column({ type: 'varchar', length: 1000 })
  events: string;

  /** Signs each delivery; shown once, when the webhook is created. */
  @Column({ type: 'varchar', length: 64 })
  secret: string;

  /** The last change-feed number fanned out to its deliveries. */
  @Column({ type: 'int', default: 0 })
  cursorSeq: number;

  /** Deliveries that failed in a row (0 once one succeeds): while > 0, a pass sends it one delivery, a probe. */
  @Column({ type: 'int', default: 0 })
  failures: number;

  /** Until then none of its deliveries is sent: its receiver failed, and the pause grows as deliveries' backoff does. */
  @Column({ type: 'datetime', nullable: true })
  pausedUntil: Date | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'PENDING: to be sent (again); DELIVERED: the receiver answered 2xx; FAILED: every attempt failed (can be replayed)',
});

/** One event for one webhook: sent until the receiver answers 2xx, with backoff; replayable from the log. */
@ObjectType('WebhookDelivery')
@Entity('webhook_delivery')
@Index('uq_webhook_delivery_event', ['webhookId', 'seq'], { unique: true })
@Index('idx_webhook_delivery_due', ['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  webhookId: number;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'fk_webhook_delivery_webhook' })
  webhook?: Relation<Webhook>;

  /** The event's number in the change feed: its id for the receiver (the same on every attempt). */
  @Field(() => Int, { description: 'The event id (its number in the change feed), the same on every attempt' })
  @Column({ type: 'int' })
  seq: number;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  event: string;

  @Field(() => DeliveryStatus)
  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field()
  @Column({ type: 'datetime' })
  nextAttemptAt: Date;

  /** Which worker holds it, until when: instances share the work without sending one delivery twice at once. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  leaseOwner: string | null;

  @Column({ type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt (null: no answer)' })
  @Column({ type: 'int', nullable: true })
  lastStatus: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;
}
