import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import provinces from '../../data/geography/provinces.json';
import districts from '../../data/geography/districts.json';

/** Column shorthands for the schema-builder API, which writes the right SQL for SQLite and MySQL alike. */
export const col = {
  id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
  varchar: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    ...extra,
  }),
  int: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...extra }),
  bigint: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'bigint', ...extra }),
  bool: (name: string, value: boolean): TableColumnOptions => ({ name, type: 'boolean', default: value ? 1 : 0 }),
  datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable }),
  text: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  timestamps: (): TableColumnOptions[] => [col.datetime('created_at'), col.datetime('updated_at')],
};

export const fk = (name: string, column: string, table: string, refColumn: string, onDelete: string) =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: [refColumn],
    onDelete,
    onUpdate: 'RESTRICT',
  });

/** Inserts reference rows in batches with plain placeholders, which both dialects read the same way. */
export async function insertRows(q: QueryRunner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await q.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
  }
}

/** Geography, LAO registry, accounts, sessions and API tokens, password resets, mail outbox, audit log. */
export class Foundation1763769600000 implements MigrationInterface {
  name = 'Foundation1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'province',
        columns: [
          col.varchar('code', 2, { isPrimary: true }),
          col.varchar('name', 100),
          col.varchar('name_en', 100),
          col.int('region', { isNullable: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'district',
        columns: [
          col.varchar('code', 4, { isPrimary: true }),
          col.varchar('province_code', 2),
          col.varchar('name', 100),
          col.varchar('name_en', 100),
        ],
        indices: [new TableIndex({ name: 'idx_district_province', columnNames: ['province_code'] })],
        foreignKeys: [fk('fk_district_province', 'province_code', 'province', 'code', 'RESTRICT')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lao',
        columns: [
          col.varchar('code', 7, { isPrimary: true }),
          col.varchar('name', 200),
          col.varchar('type', 32),
          col.varchar('size', 16),
          col.varchar('province_code', 2),
          col.varchar('district_code', 4),
          col.varchar('address', 500, { isNullable: true }),
          col.bool('active', true),
          col.int('version'),
          ...col.timestamps(),
        ],
        indices: [new TableIndex({ name: 'idx_lao_place', columnNames: ['province_code', 'district_code', 'name'] })],
        foreignKeys: [
          fk('fk_lao_province', 'province_code', 'province', 'code', 'RESTRICT'),
          fk('fk_lao_district', 'district_code', 'district', 'code', 'RESTRICT'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          col.id(),
          col.varchar('username', 64),
          col.varchar('password_hash', 255, { isNullable: true }),
          col.varchar('role', 32),
          col.varchar('display_name', 200, { default: "''" }),
          col.varchar('email', 254, { isNullable: true }),
          col.varchar('lao_code', 7, { isNullable: true }),
          col.varchar('province_code', 2, { isNullable: true }),
          col.bool('disabled', false),
          col.int('failed_logins', { default: 0 }),
          col.datetime('locked_until', true),
          col.datetime('last_login_at', true),
          ...col.timestamps(),
        ],
        indices: [
          new TableIndex({ name: 'uq_user_username', columnNames: ['username'], isUnique: true }),
          new TableIndex({ name: 'idx_user_lao', columnNames: ['lao_code'] }),
          new TableIndex({ name: 'idx_user_province', columnNames: ['province_code'] }),
        ],
        foreignKeys: [
          fk('fk_user_lao', 'lao_code', 'lao', 'code', 'RESTRICT'),
          fk('fk_user_province', 'province_code', 'province', 'code', 'RESTRICT'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'auth_token',
        columns: [
          col.id(),
          col.varchar('token_hash', 64),
          col.int('user_id'),
          col.varchar('kind', 16),
          col.varchar('name', 200, { default: "''" }),
          col.datetime('created_at'),
          col.datetime('expires_at', true),
          col.datetime('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_auth_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_auth_token_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [fk('fk_auth_token_user', 'user_id', 'app_user', 'id', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'password_reset',
        columns: [
          col.id(),
          col.varchar('token_hash', 64),
          col.int('user_id'),
          col.datetime('expires_at'),
          col.datetime('used_at', true),
          col.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_password_reset_hash', columnNames: ['token_hash'], isUnique: true })],
        foreignKeys: [fk('fk_password_reset_user', 'user_id', 'app_user', 'id', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          col.id(),
          col.varchar('recipient', 254),
          col.varchar('subject', 300),
          col.text('body', false),
          col.datetime('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.int('actor_id', { isNullable: true }),
          col.varchar('actor_username', 64),
          col.varchar('action', 64),
          col.varchar('target_type', 64),
          col.varchar('target_id', 64, { isNullable: true }),
          col.varchar('lao_code', 7, { isNullable: true }),
          col.varchar('province_code', 2, { isNullable: true }),
          col.text('before'),
          col.text('after'),
          col.varchar('ip', 64, { isNullable: true }),
          col.datetime('at'),
        ],
        indices: [
          new TableIndex({ name: 'idx_audit_target', columnNames: ['target_type', 'target_id'] }),
          new TableIndex({ name: 'idx_audit_actor', columnNames: ['actor_id'] }),
          new TableIndex({ name: 'idx_audit_lao', columnNames: ['lao_code'] }),
        ],
      }),
    );

    // Reference data: the 77 provinces and 928 districts with their DOPA codes (server/data/geography, MIT).
    await insertRows(
      q,
      'province',
      ['code', 'name', 'name_en', 'region'],
      provinces.map((p) => [String(p.provinceCode), p.provinceNameTh, p.provinceNameEn, null]),
    );
    await insertRows(
      q,
      'district',
      ['code', 'province_code', 'name', 'name_en'],
      districts.map((d) => [String(d.districtCode), String(d.provinceCode), d.districtNameTh, d.districtNameEn]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'mail_outbox', 'password_reset', 'auth_token', 'app_user', 'lao', 'district', 'province']) {
      await q.dropTable(table);
    }
  }
}
