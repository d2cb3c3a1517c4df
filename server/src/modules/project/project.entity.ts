import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn, type Relation } from 'typeorm';
import { MoneyScalar, satangColumn, type Satang } from '../../core/money';
import { Timestamped } from '../../core/timestamped';
import { Lao } from '../lao/lao.entity';
import { ProjectCategory, ProjectOrigin, TargetGroup } from '../plan/project.enums';

/** Small sets of codes kept in one column as "1,3" (read back sorted). */
const intList = { to: (v: number[]) => [...v].sort((a, b) => a - b).join(','), from: (v: string) => (v ? v.split(',').map(Number) : []) };
const enumList = { to: (v: string[]) => v.join(','), from: (v: string) => (v ? v.split(',') : []) };

/** A project, activity, measure or guideline of an LAO's anti-corruption action plan. */
@ObjectType({ description: 'โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติงาน ของแผนปฏิบัติการป้องกันการทุจริต' })
@Entity('project')
@Index('uq_project_lao_seq', ['laoCode', 'seq'], { unique: true })
// What changed since an instant, in the order of the changes (projectsConnection with updatedSince).
@Index('idx_project_changed', ['updatedAt', 'id'])
export class Project extends Timestamped {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { description: 'Optimistic lock: send it back with updateProject' })
  @VersionColumn()
  version: number;

  @Field(() => Int, { description: 'ลำดับ: the order of the project within its LAO' })
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 7 })
  laoCode: string;

  @ManyToOne(() => Lao, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_project_lao' })
  lao?: Relation<Lao>;

  @Field(() => ProjectOrigin)
  @Column({ type: 'varchar', length: 16 })
  origin: ProjectOrigin;

  @Field()
  @Column({ type: 'varchar', length: 500 })
  name: string;

  @Field(() => ProjectCategory)
  @Column({ type: 'varchar', length: 16 })
  category: ProjectCategory;

  @Field(() => [Int], { description: 'Quarters of the fiscal year (1–4) in which it runs' })
  @Column({ type: 'varchar', length: 16, transformer: intList })
  quarters: number[];

  @Field(() => Int, { description: 'Primary dimension (มิติ) 1–4' })
  @Column({ type: 'int' })
  dimension: number;

  @Field(() => [Int])
  @Column({ type: 'varchar', length: 16, transformer: intList })
  extraDimensions: number[];

  @Field(() => MoneyScalar, { nullable: true, description: 'Planned budget for each fiscal year it runs in; null = no budget' })
  @Column({ type: 'bigint', nullable: true, transformer: satangColumn })
  budget: Satang | null;

  @Field(() => [TargetGroup])
  @Column({ type: 'varchar', length: 300, transformer: enumList })
  targetGroups: TargetGroup[];

  @Field()
  @Column({ type: 'text' })
  objective: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
