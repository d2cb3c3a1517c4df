import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { User } from './user.entity';

export type AuthTokenKind = 'SESSION' | 'API';

/**
 * A bearer secret: a sign-in session (cookie or bearer) or an API token of a SERVICE account.
 * Only the SHA-256 of the secret is stored; revoking sets revokedAt.
 */
@ObjectType('ApiToken', { description: 'API token of a SERVICE account (the secret is shown once, when created)' })
@Entity('auth_token')
@Index('uq_auth_token_hash', ['tokenHash'], { unique: true })
@Index('idx_auth_token_user', ['userId'])
export class AuthToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_auth_token_user' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  kind: AuthTokenKind;

  @Field({ description: 'What the token is for, e.g. the calling system' })
  @Column({ type: 'varchar', length: 200, default: '' })
  name: string;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null for API tokens, which last until revoked' })
  @Column({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
