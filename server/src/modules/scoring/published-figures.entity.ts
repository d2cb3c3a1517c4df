import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Lao } from '../lao/lao.entity';
import { ReportRound } from '../plan/report.enums';

/**
 * An LAO's figures of a round as they were when the round closed for it (issue #16: published figures
 * never move): a copy of its maintained figures (lao_year_figures) made once the round is closed, which
 * the public pages and open data read instead of the live row — a reduction approved, a baseline or a
 * minimum set later in the year changes the live figures, not what was published. Written by
 * modules/public/publication.ts; no row for an LAO of a frozen round: it had no data then.
 */
@Entity('published_figures')
export class PublishedFigures {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_published_figures_lao' })
  lao?: Relation<Lao>;

  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Column({ type: 'int' })
  denominator: number;

  @Column({ type: 'boolean', default: false })
  fromMinimum: boolean;

  @Column({ type: 'int' })
  done: number;

  @Column({ type: 'int' })
  inProgress: number;

  /** The whole year's figures as they were (`YearFigures` as JSON), of which the page reads this round's. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'datetime' })
  frozenAt: Date;
}

/**
 * That a round of a fiscal year has been frozen, and when: every closing up to `frozenAt` — the round's,
 * and each reopening's that ended by then — is in published_figures. A round whose window closes again
 * later (NACC moved it) is frozen again whole; an LAO whose reopening ends later, again alone.
 */
@Entity('published_round')
export class PublishedRound {
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Column({ type: 'datetime' })
  frozenAt: Date;
}
