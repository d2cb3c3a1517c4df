import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Wrong-password count and lock of a lockout unit other than an account's own (which lives on
 * app_user): a browser trusted for an account by its device cookie (`d:<userId>:<nonce>`), or a
 * username that names no account (`u:<username>`), so that it answers exactly like one that does.
 * Same columns as app_user's, so one set of statements serves both (login.command.ts).
 */
@Entity('login_lock')
export class LoginLock {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  unit: string;

  @Column({ type: 'int', default: 0 })
  failedLogins: number;

  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;
}
