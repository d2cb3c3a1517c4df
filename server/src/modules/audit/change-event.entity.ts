import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The public side of the audit log: one row per change to plans, reports, requests, decisions and the
 * registry, written by `recordAudit` in the transaction of the change itself (a transactional outbox:
 * the change and its event commit together or not at all). `seq` is given after commit, in the order
 * the rows become visible (modules/change-feed/sequencer.ts), which is the order other systems read.
 */
@Entity('change_event')
@Index('uq_change_event_seq', ['seq'], { unique: true })
export class ChangeEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** Null until sequenced. */
  @Column({ type: 'int', nullable: true })
  seq: number | null;

  @Column({ type: 'varchar', length: 64 })
  event: string;

  /** The audit action behind it (approveAddition, rejectAddition…), which the event name groups. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  targetType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 7, nullable: true })
  laoCode: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @Column({ type: 'int', nullable: true })
  fiscalYear: number | null;

  /** The record after the change (before it, for a deletion), as JSON without secrets. */
  @Column({ type: 'text', nullable: true })
  data: string | null;

  @Column({ type: 'datetime' })
  occurredAt: Date;
}

/** The last sequence number given (one row): the sequencer's lock, so that numbers never interleave. */
@Entity('change_sequence')
export class ChangeSequence {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  lastSeq: number;
}
