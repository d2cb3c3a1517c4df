import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PlanStatus } from '../plan/project.enums';
import { Project } from './project.entity';

/** A project in one fiscal year's plan, with its standing there. */
@ObjectType({ description: 'A project in one fiscal year: its standing (PlanStatus) and its reports' })
@Entity('project_year')
@Index('idx_project_year_lao', ['laoCode', 'fiscalYear'])
export class ProjectYear {
  @PrimaryColumn({ type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_project_year_project' })
  project?: Relation<Project>;

  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  /** The project's LAO, kept here so a year's plan of an LAO or a province is one indexed query. */
  @Column({ type: 'varchar', length: 7 })
  laoCode: string;

  @Field(() => PlanStatus)
  @Column({ type: 'varchar', length: 32 })
  planStatus: PlanStatus;

  @Field(() => String, { nullable: true, description: 'The reviewer’s reason for a rejection or non-compliance' })
  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;

  @Field(() => String, { nullable: true, description: 'Why the LAO asked to drop the project from this year' })
  @Column({ type: 'text', nullable: true })
  reductionNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the standing last changed' })
  @Column({ type: 'datetime', nullable: true })
  statusChangedAt: Date | null;
}
