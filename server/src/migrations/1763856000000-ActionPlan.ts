import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, fk, insertRows } from './1763769600000-Foundation';

const DIMENSIONS_2561 = [
  'การสร้างสังคมที่ไม่ทนต่อการทุจริต',
  'การบริหารราชการเพื่อป้องกันการทุจริต',
  'การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน',
  'การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการ',
];
const DIMENSIONS_2566 = [DIMENSIONS_2561[0], 'การบริหารราชการด้วยความโปร่งใส', DIMENSIONS_2561[2], DIMENSIONS_2561[3]];

/** LAO basic data and awards; plan dimensions; projects, their standing per fiscal year, and progress reports. */
export class ActionPlan1763856000000 implements MigrationInterface {
  name = 'ActionPlan1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('lao', [
      new TableColumn(col.bigint('area_km2', { isNullable: true })),
      new TableColumn(col.int('population', { isNullable: true })),
      new TableColumn(col.bigint('revenue', { isNullable: true })),
      new TableColumn(col.bigint('subsidy_revenue', { isNullable: true })),
      new TableColumn(col.varchar('executive_name', 200, { isNullable: true })),
      new TableColumn(col.varchar('chief_administrator_name', 200, { isNullable: true })),
      new TableColumn(col.varchar('website', 200, { isNullable: true })),
      new TableColumn(col.varchar('coordinator_name', 200, { isNullable: true })),
      new TableColumn(col.varchar('coordinator_position', 200, { isNullable: true })),
      new TableColumn(col.varchar('coordinator_department', 200, { isNullable: true })),
      new TableColumn(col.varchar('coordinator_phone', 32, { isNullable: true })),
      new TableColumn(col.varchar('coordinator_mobile', 32, { isNullable: true })),
      new TableColumn(col.varchar('coordinator_fax', 32, { isNullable: true })),
      new TableColumn(col.varchar('coordinator_email', 254, { isNullable: true })),
    ]);
    await q.createTable(
      new Table({
        name: 'award',
        columns: [
          col.id(),
          col.varchar('lao_code', 7),
          col.int('fiscal_year'),
          col.varchar('kind', 32),
          col.varchar('text', 300, { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'uq_award_lao_year_kind', columnNames: ['lao_code', 'fiscal_year', 'kind'], isUnique: true })],
        foreignKeys: [fk('fk_award_lao', 'lao_code', 'lao', 'code', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_dimension',
        columns: [col.id(), col.int('first_year'), col.int('last_year'), col.int('number'), col.varchar('name', 300)],
        indices: [new TableIndex({ name: 'uq_plan_dimension', columnNames: ['first_year', 'number'], isUnique: true })],
      }),
    );
    await insertRows(
      q,
      'plan_dimension',
      ['first_year', 'last_year', 'number', 'name'],
      [...DIMENSIONS_2561.map((name, i) => [2561, 2565, i + 1, name]), ...DIMENSIONS_2566.map((name, i) => [2566, 2570, i + 1, name])],
    );
    await q.createTable(
      new Table({
        name: 'project',
        columns: [
          col.id(),
          col.int('version'),
          col.int('seq'),
          col.varchar('lao_code', 7),
          col.varchar('origin', 16),
          col.varchar('name', 500),
          col.varchar('category', 16),
          col.varchar('quarters', 16),
          col.int('dimension'),
          col.varchar('extra_dimensions', 16),
          col.bigint('budget', { isNullable: true }),
          col.varchar('target_groups', 300),
          col.text('objective', false),
          col.text('note'),
          ...col.timestamps(),
        ],
        indices: [new TableIndex({ name: 'uq_project_lao_seq', columnNames: ['lao_code', 'seq'], isUnique: true })],
        foreignKeys: [fk('fk_project_lao', 'lao_code', 'lao', 'code', 'RESTRICT')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'project_year',
        columns: [
          col.int('project_id', { isPrimary: true }),
          col.int('fiscal_year', { isPrimary: true }),
          col.varchar('lao_code', 7),
          col.varchar('plan_status', 32),
          col.text('review_reason'),
          col.text('reduction_note'),
          col.datetime('status_changed_at', true),
        ],
        indices: [new TableIndex({ name: 'idx_project_year_lao', columnNames: ['lao_code', 'fiscal_year'] })],
        foreignKeys: [fk('fk_project_year_project', 'project_id', 'project', 'id', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'progress_report',
        columns: [
          col.id(),
          col.int('project_id'),
          col.varchar('lao_code', 7),
          col.int('fiscal_year'),
          col.varchar('round', 16),
          { name: 'in_ordinance', type: 'boolean' },
          col.bigint('ordinance_budget', { isNullable: true }),
          col.bigint('disbursed', { isNullable: true }),
          col.varchar('status', 16),
          col.varchar('cannot_do_reason', 32, { isNullable: true }),
          col.text('cannot_do_text'),
          col.text('note'),
          col.bool('carried', false),
          col.int('reported_by', { isNullable: true }),
          col.datetime('reported_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_report_project_year_round', columnNames: ['project_id', 'fiscal_year', 'round'], isUnique: true }),
          new TableIndex({ name: 'idx_report_lao_year', columnNames: ['lao_code', 'fiscal_year', 'round'] }),
        ],
        foreignKeys: [fk('fk_report_project', 'project_id', 'project', 'id', 'RESTRICT')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['progress_report', 'project_year', 'project', 'plan_dimension', 'award']) await q.dropTable(table);
    for (const column of [
      'area_km2',
      'population',
      'revenue',
      'subsidy_revenue',
      'executive_name',
      'chief_administrator_name',
      'website',
      'coordinator_name',
      'coordinator_position',
      'coordinator_department',
      'coordinator_phone',
      'coordinator_mobile',
      'coordinator_fax',
      'coordinator_email',
    ]) {
      await q.dropColumn('lao', column);
    }
  }
}
