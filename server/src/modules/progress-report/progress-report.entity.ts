import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MoneyScalar, satangColumn, type Satang } from '../../core/money';
import { Project } from '../project/project.entity';
import { CannotDoReason, ReportRound, WorkStatus } from '../plan/report.enums';
import { ReportWarning, warningList } from './report-warnings';

/** บันทึกรายงานผลโครงการ: one report per project, fiscal year and round. */
@ObjectType({ description: 'รายงานผลโครงการ of one project in one fiscal year and round' })
@Entity('progress_report')
@Index('uq_report_project_year_round', ['projectId', 'fiscalYear', 'round'], { unique: true })
@Index('idx_report_lao_year', ['laoCode', 'fiscalYear', 'round'])
// What was saved since an instant, in the order of the saves (progressReportsConnection with updatedSince).
@Index('idx_report_saved', ['reportedAt', 'id'])
export class ProgressReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_report_project' })
  project?: Relation<Project>;

  /** The project's LAO, kept here so a whole LAO or province is summed with one grouped query. */
  @Column({ type: 'varchar', length: 7 })
  laoCode: string;

  @Field(() => Int, { description: 'Fiscal year (BE) reported on' })
  @Column({ type: 'int' })
  fiscalYear: number;

  @Field(() => ReportRound)
  @Column({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Field({ description: 'Included in the ordinance (ข้อบัญญัติ/เทศบัญญัติ) or operating plan' })
  @Column({ type: 'boolean' })
  inOrdinance: boolean;

  @Field(() => MoneyScalar, { nullable: true, description: 'Ordinance budget of the year; null for a project with no budget' })
  @Column({ type: 'bigint', nullable: true, transformer: satangColumn })
  ordinanceBudget: Satang | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Disbursed (ใช้จริง); null for a project with no budget' })
  @Column({ type: 'bigint', nullable: true, transformer: satangColumn })
  disbursed: Satang | null;

  @Field(() => WorkStatus)
  @Column({ type: 'varchar', length: 16 })
  status: WorkStatus;

  @Field(() => CannotDoReason, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  cannotDoReason: CannotDoReason | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  cannotDoText: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => [ReportWarning], {
    description: 'ข้อควรตรวจสอบ the LAO confirmed when it saved these figures (empty: none raised); the red-flag queue lists them',
  })
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: warningList })
  confirmedWarnings: ReportWarning[];

  @Field({ description: 'Carried from the six-month round (DONE there), not typed again' })
  @Column({ type: 'boolean', default: false })
  carried: boolean;

  @Column({ type: 'int', nullable: true })
  reportedBy: number | null;

  @Field()
  @Column({ type: 'datetime' })
  reportedAt: Date;
}
