import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The name of a plan dimension (มิติ) in one plan period; names change between plans, numbers do not. */
@ObjectType({ description: 'มิติ of the national plan in force for a range of fiscal years' })
@Entity('plan_dimension')
@Index('uq_plan_dimension', ['firstYear', 'number'], { unique: true })
export class PlanDimension {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { description: 'First fiscal year of the plan period' })
  @Column({ type: 'int' })
  firstYear: number;

  @Field(() => Int, { description: 'Last fiscal year of the plan period' })
  @Column({ type: 'int' })
  lastYear: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  number: number;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  name: string;
}
