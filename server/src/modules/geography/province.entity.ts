import { Field, Int, ObjectType, Directive } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A province (จังหวัด) with its two-digit DOPA code. */
// An entity other NACC subgraphs may extend, under FEDERATION=1 (federation.ts).
@Directive('@key(fields: "code")')
@ObjectType({ description: 'จังหวัด: a province with its two-digit DOPA code' })
@Entity('province')
export class Province {
  @Field({ description: 'Two-digit DOPA code, e.g. "81" (กระบี่)' })
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Field({ description: 'Thai name' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'English name' })
  @Column({ type: 'varchar', length: 100 })
  nameEn: string;

  @Field(() => Int, { nullable: true, description: 'NACC region (ภาค 1–9), when set' })
  @Column({ type: 'int', nullable: true })
  region: number | null;
}
