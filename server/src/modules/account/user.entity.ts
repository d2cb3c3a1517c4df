import { Field, ID, ObjectType } from 'type-graphql';
import { Timestamped } from '../../core/timestamped';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Lao } from '../lao/lao.entity';
import { Province } from '../geography/province.entity';
import { Role } from '../access/role';

/** A person (or, for SERVICE, a system) that signs in. Passwords are kept only as argon2id hashes. */
@ObjectType({ description: 'ผู้ใช้งานระบบ' })
@Entity('app_user')
@Index('uq_user_username', ['username'], { unique: true })
@Index('idx_user_lao', ['laoCode'])
@Index('idx_user_province', ['provinceCode'])
export class User extends Timestamped {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Sign-in name; for an LAO officer, the LAO's 7-digit code" })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** Null for SERVICE accounts, which sign in with API tokens only. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Field({ description: 'Name of the officer holding the account' })
  @Column({ type: 'varchar', length: 200, default: '' })
  displayName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'The LAO of an LAO_OFFICER' })
  @Column({ type: 'varchar', length: 7, nullable: true })
  laoCode: string | null;

  @ManyToOne(() => Lao, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'lao_code', foreignKeyConstraintName: 'fk_user_lao' })
  lao?: Relation<Lao>;

  @Field(() => String, { nullable: true, description: 'The province of a PROVINCE_OFFICER (or of an LAO_OFFICER’s LAO)' })
  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @ManyToOne(() => Province, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'fk_user_province' })
  province?: Relation<Province>;

  @Field({ description: 'A disabled account cannot sign in and its sessions stop working' })
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Wrong passwords in a row; reserved atomically before each check (see login.command.ts). */
  @Column({ type: 'int', default: 0 })
  failedLogins: number;

  @Field(() => Date, { nullable: true, description: 'Set while the account is locked after five wrong passwords' })
  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  /** The province the API token of the current request is restricted to (access/policy.ts `Actor`); never stored. */
  tokenProvince?: string | null;
}
