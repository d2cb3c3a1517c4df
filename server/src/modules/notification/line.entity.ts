import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../account/user.entity';

/**
 * A one-time code that links an account to the LINE user who sends it to the LINE Official Account
 * (line.link.ts): one per user (a new one replaces it), kept as a digest, valid for 15 minutes.
 */
@Entity('line_link_code')
@Index('uq_line_link_code_hash', ['codeHash'], { unique: true })
export class LineLinkCode {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_line_link_code_user' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
