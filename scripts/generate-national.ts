/**
 * Synthetic national data for benchmarks (`npm run generate -- --projects 20 --year 2567`): one SAO per
 * subdistrict and one PAO per province (≈ 7,500 LAOs, as many as Thailand has), each with a plan of
 * N projects for a fiscal year and six-month reports in a fixed pseudo-random mix. Writes to the
 * database DB_URL names; refuses one that already has LAOs unless --force.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import subdistricts from '../server/data/geography/subdistricts.json';
import provinces from '../server/data/geography/provinces.json';
import districts from '../server/data/geography/districts.json';
import { loadConfig } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';
import { toDbValue } from '../server/src/core/db';
import { insertRows } from '../server/src/migrations/1763769600000-Foundation';
import { rebuildFigures } from '../server/src/modules/scoring/figures.store';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Deterministic pseudo-random numbers (mulberry32), so two runs generate the same country. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedCountry {
  laos: number;
  projects: number;
  reports: number;
}

/**
 * A country of LAOs with `projectsPerLao` projects each in `fiscalYear` and their six-month reports;
 * `limit` keeps the first LAOs only, นครราชสีมา's (province 30) first, so that a smaller country still
 * has the largest province whole (the bench's province table then reads the same LAOs at every size).
 */
export async function generateNational(
  db: DataSource,
  projectsPerLao: number,
  fiscalYear: number,
  limit = Number.POSITIVE_INFINITY,
): Promise<GeneratedCountry> {
  const rand = random(2567);
  const now = toDbValue(db, new Date());
  const firstDistrict = new Map<number, number>();
  for (const d of districts) if (!firstDistrict.has(d.provinceCode)) firstDistrict.set(d.provinceCode, d.districtCode);
  const laos = [
    ...provinces.map((p) => ({
      code: `2${p.provinceCode}0000`,
      name: `องค์การบริหารส่วนจังหวัด${p.provinceNameTh}`,
      type: 'PAO',
      province: String(p.provinceCode),
      district: String(firstDistrict.get(p.provinceCode)),
    })),
    ...subdistricts.map((s) => ({
      code: `6${s.subdistrictCode}`,
      name: `องค์การบริหารส่วนตำบล${s.subdistrictNameTh}`,
      type: 'SAO',
      province: String(s.provinceCode),
      district: String(s.districtCode),
    })),
  ];
  laos.sort((a, b) => Number(b.province === '30') - Number(a.province === '30'));
  laos.splice(limit);
  const q = db.createQueryRunner();
  await q.connect();
  try {
    await q.startTransaction();
    await insertRows(
      q,
      'lao',
      ['code', 'name', 'type', 'size', 'province_code', 'district_code', 'active', 'version', 'created_at', 'updated_at'],
      laos.map((l) => [l.code, l.name, l.type, 'MEDIUM', l.province, l.district, 1, 1, now, now]),
    );
    let projectId = Number((await q.query('SELECT COALESCE(MAX(id), 0) AS m FROM project'))[0].m);
    let reports = 0;
    const projectRows: unknown[][] = [];
    const yearRows: unknown[][] = [];
    const reportRows: unknown[][] = [];
    const flush = async () => {
      await insertRows(
        q,
        'project',
        [
          'id',
          'version',
          'seq',
          'lao_code',
          'origin',
          'name',
          'category',
          'quarters',
          'dimension',
          'extra_dimensions',
          'budget',
          'target_groups',
          'objective',
          'note',
          'created_at',
          'updated_at',
        ],
        projectRows.splice(0),
      );
      await insertRows(
        q,
        'project_year',
        ['project_id', 'fiscal_year', 'lao_code', 'plan_status', 'review_reason', 'reduction_note', 'status_changed_at'],
        yearRows.splice(0),
      );
      await insertRows(
        q,
        'progress_report',
        [
          'project_id',
          'lao_code',
          'fiscal_year',
          'round',
          'in_ordinance',
          'ordinance_budget',
          'disbursed',
          'status',
          'cannot_do_reason',
          'cannot_do_text',
          'note',
          'carried',
          'reported_by',
          'reported_at',
        ],
        reportRows.splice(0),
      );
    };
    for (const lao of laos) {
      for (let seq = 1; seq <= projectsPerLao; seq++) {
        projectId += 1;
        const budget = rand() < 0.4 ? Math.round(rand() * 100_000) * 100 : null;
        projectRows.push([
          projectId,
          1,
          seq,
          lao.code,
          'PLANNED',
          `โครงการส่งเสริมคุณธรรมและความโปร่งใส ลำดับที่ ${seq}`,
          'PROJECT',
          '1',
          (seq % 4) + 1,
          '',
          budget,
          'LOCAL_STAFF',
          'เพื่อป้องกันการทุจริต',
          null,
          now,
          now,
        ]);
        yearRows.push([projectId, fiscalYear, lao.code, 'COMPLIANT', null, null, null]);
        const r = rand();
        if (r < 0.85) {
          const status = r < 0.5 ? 'DONE' : r < 0.8 ? 'IN_PROGRESS' : 'CANNOT_DO';
          reportRows.push([
            projectId,
            lao.code,
            fiscalYear,
            'SIX_MONTHS',
            rand() < 0.5 ? 1 : 0,
            budget === null ? null : budget,
            budget === null ? null : Math.floor(budget * rand()),
            status,
            status === 'CANNOT_DO' ? 'NO_BUDGET' : null,
            null,
            null,
            0,
            null,
            now,
          ]);
          reports += 1;
        }
      }
      if (projectRows.length >= 2000) await flush();
    }
    await flush();
    // Loaded around the mutations: the maintained figures are made once, at the end.
    await rebuildFigures(q.manager);
    await q.commitTransaction();
    // Fresh bulk data: give MySQL's planner true statistics (it would otherwise gather them later, by itself).
    if (db.options.type !== 'better-sqlite3') await q.query('ANALYZE TABLE lao, project, project_year, progress_report, lao_year_figures');
    return { laos: laos.length, projects: laos.length * projectsPerLao, reports };
  } catch (e) {
    await q.rollbackTransaction();
    throw e;
  } finally {
    await q.release();
  }
}

async function main() {
  const config = loadConfig({ ...process.env, DEMO_DATA: '0' });
  const db = await openDatabase(config.db);
  const existing = Number((await db.query('SELECT COUNT(*) AS n FROM lao'))[0].n);
  if (existing > 0 && !process.argv.includes('--force')) {
    console.error(`The database already has ${existing} LAOs: use an empty one (DB_URL=sqlite:data/national.sqlite) or --force.`);
    process.exit(1);
  }
  const t0 = Date.now();
  const made = await generateNational(db, arg('projects', 20), arg('year', 2567), arg('laos', Number.POSITIVE_INFINITY));
  console.log(
    `generated ${made.laos} LAOs, ${made.projects} projects, ${made.reports} reports in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  await db.destroy();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
