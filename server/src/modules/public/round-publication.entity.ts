import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReportRound } from '../plan/report.enums';

/**
 * ADMIN's switch on publishing a round of a fiscal year (no row = published once the round is closed):
 * a withdrawn round is on no public page and in no open data until ADMIN publishes it again.
 */
@Entity('round_publication')
export class RoundPublication {
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Column({ type: 'boolean' })
  published: boolean;

  /** Why ADMIN withdrew it (required then) or published it again (optional). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'datetime' })
  changedAt: Date;
}
