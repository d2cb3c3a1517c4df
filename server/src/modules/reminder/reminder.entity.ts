import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReportRound } from '../plan/report.enums';

/** ADMIN's reminder schedule of a round: the days before its close on which LAOs with waiting projects are reminded. */
@Entity('reminder_schedule')
export class ReminderSchedule {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  /** Days before the close, comma-separated, largest first ("21,14,7,1"). */
  @Column({ type: 'varchar', length: 100 })
  days: string;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/**
 * One step of reminders that went to one LAO (a unique key, so a step goes once whatever the number of
 * instances and restarts): `step` names the step and the close it counts to (`7@2025-04-30`,
 * `open@2025-04-01`, `manual@2025-04-25` — the day a province office reminded it, once a day).
 */
@Entity('reminder_sent')
export class ReminderSent {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  laoCode: string;

  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  step: string;

  /** The projects still waiting when it was sent. */
  @Column({ type: 'int' })
  waiting: number;

  @Column({ type: 'datetime' })
  sentAt: Date;
}
