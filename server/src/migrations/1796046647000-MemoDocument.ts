import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './1763769600000-Foundation';

/**
 * What the memo (บันทึกข้อความ) prints beyond the reports: the name of the head of the LAO's office
 * (หัวหน้าสำนักปลัด, who comments first under the memo), and the ครุฑ image NACC sets for every memo.
 * Both are new and nullable, so the previous version keeps working on the migrated schema.
 */
export class MemoDocument1796046647000 implements MigrationInterface {
  name = 'MemoDocument1796046647000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('lao', new TableColumn(col.varchar('office_head_name', 200, { isNullable: true })));
    await q.createTable(
      new Table({
        name: 'memo_emblem',
        columns: [
          col.int('id', { isPrimary: true }),
          col.varchar('media_type', 16),
          col.int('width'),
          col.int('height'),
          col.text('data', false),
          col.datetime('updated_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('memo_emblem');
    await q.dropColumn('lao', 'office_head_name');
  }
}
