import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReportRound } from '../plan/report.enums';

/** ADMIN's level thresholds for a round of a fiscal year, in hundredths of a percent (no row = the defaults). */
@Entity('level_threshold')
export class LevelThreshold {
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Column({ type: 'int' })
  highFrom: number;

  @Column({ type: 'boolean' })
  highInclusive: boolean;

  @Column({ type: 'int' })
  mediumFrom: number;

  @Column({ type: 'boolean' })
  mediumInclusive: boolean;
}
