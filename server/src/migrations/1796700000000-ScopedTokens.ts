import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './1763769600000-Foundation';

/**
 * Scoped API tokens (modules/access/api-scope.ts): scopes, a province restriction, an address allow-list,
 * the last use and a rotation's mark. Tokens made before keep working as they did: every scope, no
 * restriction, no expiry.
 */
export class ScopedTokens1796700000000 implements MigrationInterface {
  name = 'ScopedTokens1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('auth_token', [
      new TableColumn(col.varchar('scopes', 300, { default: "''" })),
      new TableColumn(col.varchar('province_code', 2, { isNullable: true })),
      new TableColumn(col.varchar('allowed_ips', 2000, { default: "''" })),
      new TableColumn(col.datetime('last_used_at', true)),
      new TableColumn(col.datetime('rotated_at', true)),
    ]);
    await q.query(`UPDATE auth_token SET scopes = ? WHERE kind = 'API'`, [
      'read:registry read:plans read:reports read:scores read:reviews read:changes write:webhooks',
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['rotated_at', 'last_used_at', 'allowed_ips', 'province_code', 'scopes']) await q.dropColumn('auth_token', column);
  }
}
