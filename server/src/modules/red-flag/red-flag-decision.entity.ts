import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../account/user.entity';
import { ReportRound } from '../plan/report.enums';
import { RedFlagAction, RedFlagRule } from './red-flag.enums';

/**
 * What a province office (or NACC central) decided on a red flag: followed it up, or dismissed it, each
 * with its note. A flag is computed afresh on every request; its decisions are kept by its id (rule, LAO,
 * year, round and the hash of its evidence key). Each action at most once per flag (a unique key, so that
 * officers deciding at once cannot both succeed); a flag with both was followed up, then dismissed.
 */
@Entity('red_flag_decision')
@Index('uq_red_flag_decision', ['flagId', 'action'], { unique: true })
@Index('idx_red_flag_decision_round', ['provinceCode', 'fiscalYear', 'round'])
export class RedFlagDecision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  flagId: string;

  @Column({ type: 'varchar', length: 32 })
  rule: RedFlagRule;

  @Column({ type: 'varchar', length: 7 })
  laoCode: string;

  @Column({ type: 'varchar', length: 2 })
  provinceCode: string;

  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'varchar', length: 16 })
  round: ReportRound;

  @Column({ type: 'varchar', length: 16 })
  action: RedFlagAction;

  @Column({ type: 'text' })
  note: string;

  /** The flag's evidence as the officer saw it when deciding (the data may change afterwards). */
  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'int' })
  decidedBy: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_red_flag_decision_user' })
  decider?: Relation<User>;

  @Column({ type: 'datetime' })
  decidedAt: Date;
}
