import { Field, ID, ObjectType } from 'type-graphql';
import { ApiScope } from '../access/api-scope';
import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, type Relation, type ValueTransformer } from 'typeorm';
import { User } from './user.entity';

/** A list kept as one column, its items separated by spaces (scopes, addresses: none holds a space). */
const SPACED: ValueTransformer = {
  to: (v?: string[] | null) => (v ?? []).join(' '),
  from: (v: unknown) => (typeof v === 'string' ? v.split(' ').filter(Boolean) : Array.isArray(v) ? v : []),
};

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

  @Field(() => Date, { nullable: true, description: 'When the token stops working (null: an API token made before expiry existed)' })
  @Column({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Field(() => [ApiScope], { description: 'What the token may read (and write:webhooks); docs/API.md lists the fields of each' })
  @Column({ type: 'varchar', length: 300, default: '', transformer: SPACED })
  scopes: ApiScope[];

  @Field(() => String, { nullable: true, description: 'The one province whose LAOs the token reads, or null for the whole country' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @Field(() => [String], { description: 'Addresses and CIDR ranges the token may be used from; empty: anywhere' })
  @Column({ type: 'varchar', length: 2000, default: '', transformer: SPACED })
  allowedIps: string[];

  @Field(() => Date, { nullable: true, description: 'When the token was last used (to the minute)' })
  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a new secret replaced this one (rotateApiToken); it then works until expiresAt, 24 hours later',
  })
  @Column({ type: 'datetime', nullable: true })
  rotatedAt: Date | null;
}
