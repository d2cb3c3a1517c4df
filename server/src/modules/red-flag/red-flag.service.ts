import { In } from 'typeorm';
import type { AppContext } from '../../core/context';
import { hydrate, isMysql, takeWriteLock } from '../../core/db';
import { conflict, forbidden, notFound } from '../../core/errors';
import { sha256 } from '../../core/crypto';
import { satangFromDb } from '../../core/money';
import { thaiDateTime } from '../../core/pdf/thai-text';
import { allow, Permission } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { laoCloseOf } from '../follow-up/follow-up.service';
import type { Lao } from '../lao/lao.entity';
import { COUNTED_STATUSES } from '../plan/project.enums';
import { ReportRound } from '../plan/report.enums';
import { ProgressReport } from '../progress-report/progress-report.entity';
import { ReportingReopening, ReportingWindow } from '../reporting-window/reporting-window.entity';
import { laosWithScores, storedScores, type ScoreFigures } from '../scoring/figures.store';
import { capScore, implementationScore, type Hundredths } from '../scoring/scoring';
import { RedFlagDecision } from './red-flag-decision.entity';
import { RedFlagAction, RedFlagRule, RedFlagStatus } from './red-flag.enums';
import { NOTE_MIN_CHARS, RED_FLAG_RULES, type RoundData, type RoundProject } from './red-flag.rules';
import type { RedFlag } from './red-flag.types';

const thai = new Intl.Collator('th');
const cappedOf = (f: ScoreFigures): Hundredths => capScore(implementationScore(f.done, f.inProgress, f.denominator));

/** A flag's id: its rule, LAO, year and round, and a short hash of its key (what tells it from the LAO's other flags of the rule). */
const flagId = (rule: RedFlagRule, laoCode: string, fiscalYear: number, round: ReportRound, key: string) =>
  `${rule}:${laoCode}:${fiscalYear}:${round}:${sha256(key).slice(0, 12)}`;
const FLAG_ID = new RegExp(
  `^(${Object.values(RedFlagRule).join('|')}):(\\d{7}):(\\d{4}):(${Object.values(ReportRound).join('|')}):[0-9a-f]{12}$`,
);

/**
 * The counted projects of a province's year with their report of the round: one statement for the whole
 * province (a note only when it is long enough to be compared, so the province's short notes stay in the database).
 */
async function roundProjects(ctx: AppContext, provinceCode: string, fiscalYear: number, round: ReportRound): Promise<RoundProject[]> {
  const { em } = ctx;
  const counted = COUNTED_STATUSES.map(() => '?').join(', ');
  const rows: Array<Record<string, unknown>> = await em.query(
    `SELECT p.id AS project_id, p.lao_code AS lao_code, p.name AS name, p.budget AS budget, r.id AS r_id, r.status AS r_status,
        r.reported_at AS r_reported_at, r.in_ordinance AS r_in_ordinance, r.ordinance_budget AS r_ordinance_budget,
        r.disbursed AS r_disbursed, r.confirmed_warnings AS r_confirmed_warnings, r.carried AS r_carried,
        CASE WHEN ${isMysql(em.connection) ? 'CHAR_LENGTH' : 'LENGTH'}(r.note) >= ? THEN r.note ELSE NULL END AS r_note
      FROM project_year y
      JOIN lao l ON l.code = y.lao_code
      JOIN project p ON p.id = y.project_id
      LEFT JOIN progress_report r ON r.project_id = y.project_id AND r.fiscal_year = y.fiscal_year AND r.round = ?
      WHERE l.province_code = ? AND y.fiscal_year = ? AND y.plan_status IN (${counted})
      ORDER BY p.lao_code, p.seq`,
    [NOTE_MIN_CHARS, round, provinceCode, fiscalYear, ...COUNTED_STATUSES],
  );
  return rows.map((row) => {
    const report = row.r_id === null ? null : hydrate(em, ProgressReport, row, 'r_');
    return {
      laoCode: String(row.lao_code),
      projectId: Number(row.project_id),
      name: String(row.name),
      plannedBudget: row.budget === null ? null : satangFromDb(row.budget),
      report: report && {
        status: report.status,
        reportedAt: report.reportedAt,
        inOrdinance: report.inOrdinance,
        ordinanceBudget: report.ordinanceBudget,
        disbursed: report.disbursed,
        confirmedWarnings: report.confirmedWarnings,
        carried: report.carried,
        note: report.note,
      },
    };
  });
}

/** When the round closes for each LAO of the province: the round's close, or its reopening's end when later. */
async function closings(ctx: AppContext, laos: Lao[], fiscalYear: number, round: ReportRound): Promise<Map<string, Date>> {
  const [window, reopenings] = await Promise.all([
    ctx.em.getRepository(ReportingWindow).findOneBy({ fiscalYear, round }),
    laos.length ? ctx.em.getRepository(ReportingReopening).findBy({ fiscalYear, round, laoCode: In(laos.map((l) => l.code)) }) : [],
  ]);
  const reopened = new Map(reopenings.map((o) => [o.laoCode, o.openUntil]));
  const out = new Map<string, Date>();
  for (const lao of laos) {
    const closesAt = laoCloseOf(window?.closesAt ?? null, reopened.get(lao.code) ?? null);
    if (closesAt) out.set(lao.code, closesAt);
  }
  return out;
}

/**
 * What the rules look at for a province's round, in a fixed number of statements whatever its size: the
 * year's registry with its maintained score figures, last year's figures, the counted projects with their
 * reports, the round's close and reopenings.
 */
async function roundDataOf(ctx: AppContext, provinceCode: string, fiscalYear: number, round: ReportRound) {
  const scope = { provinceCode };
  const [scored, before, projects] = await Promise.all([
    laosWithScores(ctx, scope, fiscalYear, round),
    storedScores(ctx, scope, fiscalYear - 1, round),
    roundProjects(ctx, provinceCode, fiscalYear, round),
  ]);
  const laos = scored.map((s) => s.lao);
  const inRegistry = new Set(laos.map((l) => l.code));
  const previous = new Map(before.map((b) => [b.laoCode, b.figures]));
  const scores = new Map<string, { now: Hundredths; before: Hundredths }>();
  for (const { lao, figures } of scored) {
    const last = previous.get(lao.code);
    if (figures && last) scores.set(lao.code, { now: cappedOf(figures), before: cappedOf(last) });
  }
  const data: RoundData = {
    fiscalYear,
    round,
    laos: laos.map((l) => ({ code: l.code, name: l.name })),
    projects: projects.filter((p) => inRegistry.has(p.laoCode)),
    closesAt: await closings(ctx, laos, fiscalYear, round),
    scores,
  };
  return { data, laos };
}

const statusOf = (decisions: Array<{ action: RedFlagAction }>): RedFlagStatus =>
  decisions.some((d) => d.action === RedFlagAction.DISMISS)
    ? RedFlagStatus.DISMISSED
    : decisions.length
      ? RedFlagStatus.FOLLOWING_UP
      : RedFlagStatus.OPEN;

/** Every flag of a province's round by the rules, with the decisions kept for each (computed; nothing is written). */
async function computeFlags(ctx: AppContext, provinceCode: string, fiscalYear: number, round: ReportRound): Promise<RedFlag[]> {
  const [{ data, laos }, decisions] = await Promise.all([
    roundDataOf(ctx, provinceCode, fiscalYear, round),
    ctx.em
      .getRepository(RedFlagDecision)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.decider', 'u')
      .where('d.province_code = :provinceCode AND d.fiscal_year = :fiscalYear AND d.round = :round', { provinceCode, fiscalYear, round })
      .orderBy('d.decided_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany(),
  ]);
  const byFlag = new Map<string, RedFlagDecision[]>();
  for (const d of decisions) (byFlag.get(d.flagId) ?? byFlag.set(d.flagId, []).get(d.flagId)!).push(d);
  const laoOf = new Map(laos.map((l) => [l.code, l]));
  const flags = RED_FLAG_RULES.flatMap((rule) =>
    rule.evaluate(data).map((finding): RedFlag => {
      const lao = laoOf.get(finding.laoCode)!;
      const id = flagId(rule.code, lao.code, fiscalYear, round, finding.key);
      const kept = byFlag.get(id) ?? [];
      return {
        id,
        rule: rule.code,
        title: rule.title,
        criterion: rule.criterion,
        lao,
        fiscalYear,
        round,
        evidence: finding.evidence,
        status: statusOf(kept),
        decisions: kept.map((d) => ({
          action: d.action,
          note: d.note,
          decidedBy: d.decider?.displayName || d.decider?.username || '-',
          decidedAt: d.decidedAt,
        })),
        canDecide: allow(ctx.user, Permission.REVIEW, { laoCode: lao.code, provinceCode: lao.provinceCode }),
      };
    }),
  );
  const order = new Map(RED_FLAG_RULES.map((r, i) => [r.code, i]));
  return flags.sort(
    (a, b) =>
      thai.compare(a.lao.districtCode, b.lao.districtCode) ||
      thai.compare(a.lao.name, b.lao.name) ||
      order.get(a.rule)! - order.get(b.rule)! ||
      a.id.localeCompare(b.id),
  );
}

/**
 * ควรตรวจสอบ: the red flags of a province's round (READ_REVIEWS over the province: its office, NACC central
 * and its systems), each with its rule, evidence and decisions, by district and LAO.
 */
export async function redFlags(ctx: AppContext, provinceCode: string, fiscalYear: number, round: ReportRound): Promise<RedFlag[]> {
  if (!allow(ctx.user, Permission.READ_REVIEWS, { provinceCode })) throw forbidden('ท่านดูรายการควรตรวจสอบได้เฉพาะจังหวัดของท่าน');
  if (!(await ctx.loaders.provinceByCode.load(provinceCode))) throw notFound('ไม่พบจังหวัดนี้');
  return computeFlags(ctx, provinceCode, fiscalYear, round);
}

const ACTION_TH: Record<RedFlagAction, string> = { FOLLOW_UP: 'ติดตามตรวจสอบ', DISMISS: 'ไม่มีประเด็น' };

/**
 * ติดตามตรวจสอบ / ไม่มีประเด็น: records a province office's (or NACC central's) decision on a red flag of its
 * province, with its note. A flag is followed up at most once and dismissed at most once, and nothing
 * follows a dismissal: a second officer deciding the same gets CONFLICT naming who decided first. The
 * flag must be one the rules find now (the data may have changed since the queue was read: NOT_FOUND).
 */
export async function decideRedFlag(ctx: AppContext, id: string, action: RedFlagAction, note: string): Promise<RedFlag> {
  const parsed = FLAG_ID.exec(id);
  if (!parsed) throw notFound('ไม่พบรายการควรตรวจสอบนี้');
  const [, , laoCode, year, round] = parsed;
  const lao = await ctx.loaders.laoByCode.load(laoCode);
  if (!lao) throw notFound('ไม่พบรายการควรตรวจสอบนี้');
  if (!allow(ctx.user, Permission.REVIEW, { laoCode, provinceCode: lao.provinceCode })) {
    throw forbidden('ท่านพิจารณารายการควรตรวจสอบได้เฉพาะของ อปท. ในจังหวัดของท่าน');
  }
  // One flag's decisions one after another: a follow-up and a dismissal sent at once must not both pass the check below.
  await takeWriteLock(ctx, `red-flag:${sha256(id).slice(0, 32)}`); // a lock's name is at most 64 characters
  const flags = await computeFlags(ctx, lao.provinceCode, Number(year), round as ReportRound);
  const flag = flags.find((f) => f.id === id);
  if (!flag) throw notFound('ไม่พบรายการควรตรวจสอบนี้ (ข้อมูลอาจเปลี่ยนไปแล้ว กรุณาโหลดรายการใหม่)');
  const dismissal = flag.decisions.find((d) => d.action === RedFlagAction.DISMISS);
  const same = flag.decisions.find((d) => d.action === action);
  const earlier = dismissal ?? same;
  if (earlier) {
    throw conflict(
      `รายการนี้ได้รับการพิจารณาว่า “${ACTION_TH[earlier.action]}” แล้ว โดย ${earlier.decidedBy} เมื่อ ${thaiDateTime(earlier.decidedAt)} กรุณาโหลดรายการใหม่`,
    );
  }
  const decision = ctx.em.getRepository(RedFlagDecision).create({
    flagId: id,
    rule: flag.rule,
    laoCode,
    provinceCode: lao.provinceCode,
    fiscalYear: flag.fiscalYear,
    round: flag.round,
    action,
    note,
    evidence: flag.evidence,
    decidedBy: ctx.user!.id,
    decidedAt: ctx.clock.now(),
  });
  // A unique key on (flag, action): of officers deciding the same at once, one inserts, the others run again and are told.
  await ctx.em.getRepository(RedFlagDecision).insert(decision);
  await recordAudit(ctx, {
    action: action === RedFlagAction.DISMISS ? 'dismissRedFlag' : 'followUpRedFlag',
    targetType: 'RedFlag',
    targetId: id,
    laoCode,
    provinceCode: lao.provinceCode,
    after: { rule: flag.rule, fiscalYear: flag.fiscalYear, round: flag.round, action, note, evidence: flag.evidence },
  });
  const decisions = [
    ...flag.decisions,
    { action, note, decidedBy: ctx.user!.displayName || ctx.user!.username, decidedAt: decision.decidedAt },
  ];
  return { ...flag, decisions, status: statusOf(decisions) };
}
