import type { DataSource } from 'typeorm';
import { hashPassword } from '../../core/crypto';
import { inTransaction } from '../../core/db';
import { AuditLog } from '../audit/audit-log.entity';
import { Role } from '../access/role';
import { User } from './user.entity';

/** ADMIN_USERNAME + ADMIN_PASSWORD at start: create that ADMIN account, or reset its password and unlock it. */
export async function ensureAdminAccount(db: DataSource, username: string, password: string): Promise<void> {
  await inTransaction(db, async (em) => {
    const repo = em.getRepository(User);
    const existing = await repo.findOneBy({ username });
    const user =
      existing ?? repo.create({ username, role: Role.ADMIN, displayName: 'ผู้ดูแลระบบ', email: null, laoCode: null, provinceCode: null });
    user.role = Role.ADMIN;
    user.passwordHash = await hashPassword(password);
    user.disabled = false;
    user.failedLogins = 0;
    user.lockedUntil = null;
    user.laoCode = null;
    user.provinceCode = null;
    await repo.save(user);
    await em.getRepository(AuditLog).insert({
      actorId: null,
      actorUsername: 'system',
      action: existing ? 'resetAdminFromEnvironment' : 'createAdminFromEnvironment',
      targetType: 'User',
      targetId: String(user.id),
      at: new Date(),
    });
  });
}
