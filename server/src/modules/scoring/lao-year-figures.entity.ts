import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Lao } from '../lao/lao.entity';

/**
 * The figures of one LAO in one fiscal year, maintained (figures.store.ts): written in the same
 * transaction as every write that changes them, so that NACC's tables read one row per LAO instead of
 * adding up every project and report of a province or of the country. `detail` holds everything §5
 * needs (`YearFigures` as JSON, for one LAO's pages and documents); the columns beside it are the
 * part of it the province and national tables read.
 */
@Entity('lao_year_figures')
export class LaoYearFigures {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_lao_year_figures_lao' })
  lao?: Relation<Lao>;

  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  /** The score's denominator: NACC's minimum, else NACC's baseline, else the counted planned projects. */
  @Column({ type: 'int' })
  denominator: number;

  @Column({ type: 'boolean', default: false })
  fromMinimum: boolean;

  @Column({ type: 'int' })
  doneSix: number;

  @Column({ type: 'int' })
  inProgressSix: number;

  @Column({ type: 'int' })
  doneTwelve: number;

  @Column({ type: 'int' })
  inProgressTwelve: number;

  @Column({ type: 'text' })
  detail: string;
}
