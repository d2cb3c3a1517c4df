import type { DataSource } from 'typeorm';
import { ManualClock } from '../../server/src/core/clock';
import type { ContextDeps } from '../../server/src/core/context';
import { openDatabase } from '../../server/src/core/database';
import { Role } from '../../server/src/modules/access/role';
import { BaselineRequest, RequestStatus } from '../../server/src/modules/baseline-request/baseline-request.entity';
import { runDueJobs, type JobDefinition } from '../../server/src/modules/job/job.runner';
import { ScheduledJob } from '../../server/src/modules/job/scheduled-job.entity';
import { channelsOf } from '../../server/src/modules/notification/notification.channel';
import { deliverNotices } from '../../server/src/modules/notification/notification.delivery';
import {
  Notification,
  NotificationDelivery,
  NotificationKind,
  NoticeDeliveryStatus,
} from '../../server/src/modules/notification/notification.entity';
import { PlanStatus } from '../../server/src/modules/plan/project.enums';
import { ReportRound } from '../../server/src/modules/plan/report.enums';
import { sendDeadlineReminders, sendReviewDigest, sendRoundOpenedNotices } from '../../server/src/modules/reminder/reminder.jobs';
import { ReportingReopening } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { NotificationChannel, NotificationSetting } from '../../server/src/modules/notification/notification.entity';
import { MAX_NOTICE_ATTEMPTS } from '../../server/src/modules/notification/notification.delivery';
import { ReportingWindow } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { freshName, makeLao, makeProject, makeReport, makeSession, makeUser } from '../fixtures/factories';
import {
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  RemindLaoDocument,
  ReportingWorklistDocument,
  ReviewProjectAdditionDocument,
  ReminderScheduleDocument,
  ReviewBaselineRequestDocument,
  SetProjectComplianceDocument,
  ScheduledJobsDocument,
  UpdateReminderScheduleDocument,
  UpdateNotificationSettingsDocument,
} from '../gql/graphql';
import { startSmtpSink, subjectOf, textOf, type SmtpSink } from '../support/smtp-sink';
import { codeOf, databases, TestServer } from './harness';

const DAY_MS = 86_400_000;
/** A year no other suite reports in, so that its round's window and reminders are this suite's own. */
const YEAR = 2564;
/** The round closes at 17:00 in Thailand. */
const CLOSES_AT = new Date('2024-06-30T10:00:00Z');
/** 09:00 in Thailand, `days` calendar days before the close. */
const daysBefore = (days: number) => new Date(Date.UTC(2024, 5, 30 - days, 2, 0, 0));

/**
 * Deadlines and notices (#15): reminders before a round closes, once per LAO and step whatever the
 * number of runners; decision notices written with the decision and mailed after it, also when the mail
 * server was down at the time; the province offices' daily digest; reminding an LAO now.
 */
describe.each(databases)('deadlines and notices ($name)', ({ name, url }) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let smtpPort: number;
  /** A second instance's database pool (MariaDB; the embedded database has one connection per process). */
  let otherDb: DataSource;
  let otherDeps: ContextDeps;
  const clock = new ManualClock(new Date('2024-05-02T03:00:00Z'));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    smtpPort = Number(new URL(smtp.url).port);
    server = await TestServer.start(url(), { clock, env: { SMTP_URL: smtp.url } });
    otherDb = name === 'mariadb' ? await openDatabase(server.config.db) : server.db;
    otherDeps = { ...server.deps, db: otherDb, channels: channelsOf({ db: otherDb, mailer: server.deps.mailer }) };
  });
  afterAll(async () => {
    if (otherDb !== server.db) await otherDb.destroy();
    await server.stop();
    await smtp.close();
  });

  const noticesOf = (userId: number, kind: NotificationKind) =>
    server.db.getRepository(Notification).find({ where: { userId, kind }, order: { id: 'ASC' } });

  it('reminds the officers of LAOs with waiting projects 21, 14, 7 and 1 days before the close, once per step across two runners', async () => {
    const db = server.db;
    const [behind, finishing, done, empty] = await Promise.all([makeLao(db), makeLao(db), makeLao(db), makeLao(db)]);
    const behindProjects = [];
    for (let i = 0; i < 3; i++) behindProjects.push(await makeProject(db, behind, { fiscalYears: [YEAR] }));
    await makeReport(db, behindProjects[0], { fiscalYear: YEAR });
    const finishingProjects = [
      await makeProject(db, finishing, { fiscalYears: [YEAR] }),
      await makeProject(db, finishing, { fiscalYears: [YEAR] }),
    ];
    await makeReport(db, await makeProject(db, done, { fiscalYears: [YEAR] }), { fiscalYear: YEAR });
    const officers = {
      behind: await makeUser(db, Role.LAO_OFFICER, { lao: behind, email: `${freshName('behind')}@example.go.th` }),
      behind2: await makeUser(db, Role.LAO_OFFICER, { lao: behind, username: freshName('behind2') }),
      finishing: await makeUser(db, Role.LAO_OFFICER, { lao: finishing }),
      done: await makeUser(db, Role.LAO_OFFICER, { lao: done }),
      empty: await makeUser(db, Role.LAO_OFFICER, { lao: empty }),
    };
    await db.getRepository(ReportingWindow).save({
      fiscalYear: YEAR,
      round: ReportRound.SIX_MONTHS,
      opensAt: new Date('2024-04-01T00:00:00Z'),
      closesAt: CLOSES_AT,
    });
    // Two instances, each with its own runner and pool, running the same job.
    const jobName = freshName('deadlineReminders');
    const jobOf = (deps: ContextDeps): JobDefinition[] => [
      {
        name: jobName,
        nextRun: (now) => new Date(now.getTime() + 3_600_000),
        leaseMs: 60_000,
        run: (now) => sendDeadlineReminders(deps, now),
      },
    ];
    const bothRunners = () =>
      Promise.all([runDueJobs(server.db, clock, jobOf(server.deps), 'runner-a'), runDueJobs(otherDb, clock, jobOf(otherDeps), 'runner-b')]);

    const counts = async () => ({
      behind: (await noticesOf(officers.behind.id, NotificationKind.DEADLINE_REMINDER)).length,
      behind2: (await noticesOf(officers.behind2.id, NotificationKind.DEADLINE_REMINDER)).length,
      finishing: (await noticesOf(officers.finishing.id, NotificationKind.DEADLINE_REMINDER)).length,
      done: (await noticesOf(officers.done.id, NotificationKind.DEADLINE_REMINDER)).length,
      empty: (await noticesOf(officers.empty.id, NotificationKind.DEADLINE_REMINDER)).length,
    });

    // Too early: 30 days before the close, no step is due.
    clock.set(daysBefore(30));
    await bothRunners();
    expect(await counts()).toEqual({ behind: 0, behind2: 0, finishing: 0, done: 0, empty: 0 });

    for (const [step, days] of [21, 14, 7, 1].entries()) {
      if (days === 1) {
        // The finishing LAO reports its last projects before the last step: nothing more for it.
        for (const p of finishingProjects) await makeReport(db, p, { fiscalYear: YEAR });
      }
      clock.set(daysBefore(days));
      const ran = await bothRunners();
      // One runner took the job; the other found it held or already run.
      expect(ran.flat()).toEqual([jobName]);
      // Even run by both at once without the job's lease, the step goes once: the unique key in the database.
      await Promise.all([sendDeadlineReminders(server.deps, clock.now()), sendDeadlineReminders(otherDeps, clock.now())]);
      // A later hour of the same day adds nothing.
      clock.advance(3 * 3_600_000);
      await bothRunners();
      expect(await counts()).toEqual({
        behind: step + 1,
        behind2: step + 1,
        finishing: Math.min(step + 1, 3),
        done: 0,
        empty: 0,
      });
    }
    const texts = await noticesOf(officers.behind.id, NotificationKind.DEADLINE_REMINDER);
    expect(texts.map((n) => n.body.split(' (')[0])).toEqual([
      'เหลือ 2 โครงการที่ยังไม่รายงานผล รอบ 6 เดือน จะปิดในอีก 21 วัน',
      'เหลือ 2 โครงการที่ยังไม่รายงานผล รอบ 6 เดือน จะปิดในอีก 14 วัน',
      'เหลือ 2 โครงการที่ยังไม่รายงานผล รอบ 6 เดือน จะปิดในอีก 7 วัน',
      'เหลือ 2 โครงการที่ยังไม่รายงานผล รอบ 6 เดือน จะปิดในอีก 1 วัน',
    ]);
    expect(texts[2]).toMatchObject({
      laoCode: behind.code,
      fiscalYear: YEAR,
      round: ReportRound.SIX_MONTHS,
      link: `/reports?year=${YEAR}&round=SIX_MONTHS`,
    });
    expect(texts[2].body).toContain('(ปิดรอบวันที่ 30 มิถุนายน 2567)');

    // The officer with an address gets each one by mail too; the one without gets the in-app notice only.
    const mailed = await db.getRepository(NotificationDelivery).countBy({ notificationId: texts[0].id });
    const unmailed = (await noticesOf(officers.behind2.id, NotificationKind.DEADLINE_REMINDER))[0];
    expect(mailed).toBe(1);
    expect(await db.getRepository(NotificationDelivery).countBy({ notificationId: unmailed.id })).toBe(0);

    // ADMIN sees the job: when it runs next and what its last run did.
    const admin = await makeSession(db, await makeUser(db, Role.ADMIN), clock.now());
    const jobs = await server.gql(ScheduledJobsDocument, {}, { token: admin });
    const job = jobs.data!.scheduledJobs.find((j) => j.name === jobName)!;
    expect(job.lastError).toBeNull();
    expect(job.lastResult).toMatch(/^(ส่งการเตือนก่อนปิดรอบ \d+ รายการ|ไม่มีการเตือนที่ถึงกำหนด)$/);
    expect(new Date(job.nextRunAt).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(await db.getRepository(ScheduledJob).countBy({ name: jobName })).toBe(1);

    // The worklist tells the same: waiting 2, one day left.
    const office = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }), clock.now());
    const list = await server.gql(ReportingWorklistDocument, { y: YEAR, r: 'SIX_MONTHS', p: null }, { token: office });
    expect(list.errors).toBeUndefined();
    const row = list.data!.reportingWorklist.find((r) => r.lao.code === behind.code)!;
    expect(row).toMatchObject({ created: 3, reported: 1, waiting: 2, reportingRate: 33.33, daysToClose: 1, reopenedUntil: null });
  });

  it('tells the LAO a rejection with its reason in the decision’s transaction, and mails it once the mail server is back', async () => {
    const db = server.db;
    clock.set(new Date('2024-05-02T03:00:00Z'));
    const lao = await makeLao(db);
    const officer = await makeUser(db, Role.LAO_OFFICER, { lao, email: `${freshName('officer')}@example.go.th` });
    const project = await makeProject(db, lao, { name: 'โครงการอบรมคุณธรรมจริยธรรม', planStatus: PlanStatus.ADD_PENDING });
    const reviewer = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: lao.provinceCode }), clock.now());

    await smtp.close(); // the mail server is down
    const reason = 'ไม่สอดคล้องกับมิติที่ 1 ของแผนฯ';
    const res = await server.gql(
      ReviewProjectAdditionDocument,
      { id: String(project.id), y: 2567, a: false, r: reason },
      { token: reviewer },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reviewProjectAddition.planStatus).toBe('ADD_REJECTED');

    const own = await makeSession(db, officer, clock.now());
    const inbox = await server.gql(MyNotificationsDocument, { first: 10 }, { token: own });
    expect(inbox.errors).toBeUndefined();
    const notice = inbox.data!.notifications.nodes.find((n) => n.kind === 'DECISION')!;
    expect(notice.title).toBe('ไม่อนุมัติการขอเพิ่มโครงการ ปีงบประมาณ พ.ศ. 2567');
    expect(notice.body).toBe(`สำนักงาน ป.ป.ช. ไม่อนุมัติการขอเพิ่มโครงการ "โครงการอบรมคุณธรรมจริยธรรม" ปีงบประมาณ พ.ศ. 2567 เหตุผล: ${reason}`);
    expect(inbox.data!.notifications.unread).toBeGreaterThanOrEqual(1);

    const delivery = () => db.getRepository(NotificationDelivery).findOneByOrFail({ notificationId: Number(notice.id) });
    await deliverNotices(server.deps, () => clock.now());
    expect(await delivery()).toMatchObject({ status: NoticeDeliveryStatus.PENDING, attempts: 1, sentAt: null });
    expect((await delivery()).lastError).toBeTruthy();

    // Back up: the next attempt, after its pause, goes out.
    smtp = await startSmtpSink(smtpPort);
    clock.advance(5_000);
    await deliverNotices(server.deps, () => clock.now());
    expect((await delivery()).status).toBe(NoticeDeliveryStatus.PENDING); // not yet due: 10 s after the failure
    clock.advance(6_000);
    await deliverNotices(server.deps, () => clock.now());
    expect(await delivery()).toMatchObject({ status: NoticeDeliveryStatus.SENT, attempts: 2, lastError: null });
    const mails = smtp.received.filter((m) => m.to.includes(officer.email!));
    expect(mails).toHaveLength(1);
    expect(subjectOf(mails[0])).toBe('ไม่อนุมัติการขอเพิ่มโครงการ ปีงบประมาณ พ.ศ. 2567');
    expect(textOf(mails[0])).toContain(`เหตุผล: ${reason}`);
    expect(textOf(mails[0])).toContain('http://eplan.test/projects?year=2567');

    // Read: the unread count drops; another's notice cannot be marked.
    const read = await server.gql(MarkNotificationsReadDocument, { ids: [notice.id] }, { token: own });
    expect(read.data!.markNotificationsRead.marked).toBe(1);
    const stranger = await makeSession(db, await makeUser(db, Role.LAO_OFFICER), clock.now());
    const foreign = await server.gql(MarkNotificationsReadDocument, { ids: [notice.id] }, { token: stranger });
    expect(foreign.data!.markNotificationsRead.marked).toBe(0);
  });

  it('sends each province officer one digest of the pending reviews a day', async () => {
    const db = server.db;
    clock.set(new Date('2024-05-03T01:00:00Z'));
    const province = { provinceCode: '96', districtCode: '9601' };
    const lao = await makeLao(db, province);
    await makeProject(db, lao, { planStatus: PlanStatus.ADD_PENDING });
    await makeProject(db, lao, { planStatus: PlanStatus.ADD_PENDING });
    await db.getRepository(BaselineRequest).save({
      laoCode: lao.code,
      fiscalYear: 2567,
      currentCount: 1,
      requestedCount: 3,
      status: RequestStatus.PENDING,
      reason: null,
      requestedBy: null,
      requestedAt: clock.now(),
      decidedBy: null,
      decidedAt: null,
    });
    const offices = [
      await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '96' }),
      await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '96' }),
    ];
    await Promise.all([sendReviewDigest(server.deps, clock.now()), sendReviewDigest(otherDeps, clock.now())]);
    await sendReviewDigest(server.deps, clock.now());
    for (const office of offices) {
      const digests = await noticesOf(office.id, NotificationKind.REVIEW_DIGEST);
      expect(digests).toHaveLength(1);
      expect(digests[0].title).toMatch(/^มีรายการรอพิจารณา \d+ รายการ$/);
      expect(digests[0].body).toMatch(/ขอเพิ่มโครงการ \d+ รายการ, ขอปรับจำนวนโครงการตั้งต้น \d+ รายการ/);
    }
    // The next day: one more each.
    clock.advance(DAY_MS);
    await sendReviewDigest(server.deps, clock.now());
    for (const office of offices) expect(await noticesOf(office.id, NotificationKind.REVIEW_DIGEST)).toHaveLength(2);
  });

  it('lets the province office remind its LAO once a day, and refuses others in Thai', async () => {
    const db = server.db;
    clock.set(new Date('2024-05-04T03:00:00Z'));
    const lao = await makeLao(db);
    await makeProject(db, lao);
    const officer = await makeUser(db, Role.LAO_OFFICER, { lao });
    const own = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }), clock.now());
    const other = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '83' }), clock.now());
    const self = await makeSession(db, officer, clock.now());
    const vars = { l: lao.code, y: 2567, r: 'TWELVE_MONTHS' as const };

    const foreign = await server.gql(RemindLaoDocument, vars, { token: other });
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    expect(foreign.errors![0].message).toBe('ท่านส่งการเตือนได้เฉพาะ อปท. ในจังหวัดของท่าน');
    const byLao = await server.gql(RemindLaoDocument, vars, { token: self });
    expect(codeOf(byLao)).toBe('FORBIDDEN');
    expect(byLao.errors![0].message).toMatch(/[ก-๙]/);

    const sent = await server.gql(RemindLaoDocument, vars, { token: own });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.remindLao).toEqual({ recipients: 1, waiting: 1 });
    const notices = await noticesOf(officer.id, NotificationKind.MANUAL_REMINDER);
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toBe('สำนักงาน ป.ป.ช. ประจำจังหวัดนครศรีธรรมราช ขอให้รายงานผลรอบ 12 เดือน ปีงบประมาณ พ.ศ. 2567');
    expect(notices[0].body).toMatch(/^เหลือ 1 โครงการที่ยังไม่รายงานผล รอบ 12 เดือน/);

    const again = await server.gql(RemindLaoDocument, vars, { token: own });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toBe('วันนี้ได้ส่งการเตือนถึง อปท. นี้สำหรับรอบนี้แล้ว (ส่งได้วันละ 1 ครั้ง) กรุณาลองใหม่ในวันพรุ่งนี้');
    clock.advance(DAY_MS);
    const tomorrow = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }), clock.now());
    expect((await server.gql(RemindLaoDocument, vars, { token: tomorrow })).errors).toBeUndefined();
  });

  it('tells every LAO once that a round opened, as each officer’s settings say', async () => {
    const db = server.db;
    clock.set(new Date('2024-05-05T03:00:00Z'));
    const lao = await makeLao(db);
    const plain = await makeUser(db, Role.LAO_OFFICER, { lao, email: `${freshName('open')}@example.go.th` });
    const noMail = await makeUser(db, Role.LAO_OFFICER, {
      lao,
      username: freshName('nomail'),
      email: `${freshName('nomail')}@example.go.th`,
    });
    const notOpened = await makeUser(db, Role.LAO_OFFICER, { lao, username: freshName('noopen') });
    await server.gql(
      UpdateNotificationSettingsDocument,
      { input: { email: false } },
      { token: await makeSession(db, noMail, clock.now()) },
    );
    await server.gql(
      UpdateNotificationSettingsDocument,
      { input: { roundOpened: false } },
      { token: await makeSession(db, notOpened, clock.now()) },
    );
    await db.getRepository(ReportingWindow).save({
      fiscalYear: YEAR,
      round: ReportRound.TWELVE_MONTHS,
      opensAt: new Date('2024-05-05T01:00:00Z'),
      closesAt: new Date('2024-09-30T10:00:00Z'),
    });
    await Promise.all([sendRoundOpenedNotices(server.deps, clock.now()), sendRoundOpenedNotices(otherDeps, clock.now())]);
    clock.advance(3_600_000);
    await sendRoundOpenedNotices(server.deps, clock.now());

    const [opened] = await noticesOf(plain.id, NotificationKind.ROUND_OPENED);
    expect(await noticesOf(plain.id, NotificationKind.ROUND_OPENED)).toHaveLength(1);
    expect(opened.title).toBe('เปิดรอบรายงานผลรอบ 12 เดือน ปีงบประมาณ พ.ศ. 2564');
    expect(opened.body).toBe('ระบบเปิดให้รายงานผลการดำเนินงานรอบ 12 เดือน ปีงบประมาณ พ.ศ. 2564 แล้ว ถึงวันที่ 30 กันยายน 2567');
    expect(await db.getRepository(NotificationDelivery).countBy({ notificationId: opened.id, channel: NotificationChannel.EMAIL })).toBe(1);
    const [quiet] = await noticesOf(noMail.id, NotificationKind.ROUND_OPENED);
    expect(await db.getRepository(NotificationDelivery).countBy({ notificationId: quiet.id })).toBe(0);
    expect(await noticesOf(notOpened.id, NotificationKind.ROUND_OPENED)).toHaveLength(0);
    expect(await db.getRepository(NotificationSetting).findOneByOrFail({ userId: notOpened.id })).toMatchObject({
      roundOpened: false,
      email: true,
    });
  });

  it('counts down to an LAO’s reopening when NACC reopened its round until later', async () => {
    const db = server.db;
    const [reopened, closed] = await Promise.all([makeLao(db), makeLao(db)]);
    for (const lao of [reopened, closed]) await makeProject(db, lao, { fiscalYears: [YEAR] });
    const officers = await Promise.all([reopened, closed].map((lao) => makeUser(db, Role.LAO_OFFICER, { lao })));
    await db.getRepository(ReportingReopening).save({
      laoCode: reopened.code,
      fiscalYear: YEAR,
      round: ReportRound.SIX_MONTHS,
      openUntil: new Date('2024-07-15T10:00:00Z'),
    });
    // The round closed on 30 June; the reopened LAO has until 15 July: 7 days left on 8 July.
    clock.set(new Date('2024-07-08T02:00:00Z'));
    await sendDeadlineReminders(server.deps, clock.now());
    const [notice] = await noticesOf(officers[0].id, NotificationKind.DEADLINE_REMINDER);
    expect(notice.body).toBe('เหลือ 1 โครงการที่ยังไม่รายงานผล รอบ 6 เดือน จะปิดในอีก 7 วัน (ปิดรอบวันที่ 15 กรกฎาคม 2567)');
    expect(await noticesOf(officers[1].id, NotificationKind.DEADLINE_REMINDER)).toHaveLength(0);

    const office = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }), clock.now());
    const list = await server.gql(ReportingWorklistDocument, { y: YEAR, r: 'SIX_MONTHS', p: '80' }, { token: office });
    const rows = new Map(list.data!.reportingWorklist.map((r) => [r.lao.code, r]));
    expect(rows.get(reopened.code)).toMatchObject({ daysToClose: 7, reopenedUntil: '2024-07-15T10:00:00.000Z', waiting: 1 });
    expect(rows.get(closed.code)).toMatchObject({ daysToClose: -8, reopenedUntil: null, waiting: 1 });
    // NACC central names the province it reads; an office reads its own without naming it.
    const central = await makeSession(db, await makeUser(db, Role.ADMIN), clock.now());
    const unnamed = await server.gql(ReportingWorklistDocument, { y: YEAR, r: 'SIX_MONTHS', p: null }, { token: central });
    expect(codeOf(unnamed)).toBe('BAD_USER_INPUT');
    expect(unnamed.errors![0].message).toBe('กรุณาเลือกจังหวัด');
    const other = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '83' }), clock.now());
    const foreign = await server.gql(ReportingWorklistDocument, { y: YEAR, r: 'SIX_MONTHS', p: '80' }, { token: other });
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    expect(foreign.errors![0].message).toBe('ท่านติดตามการรายงานผลได้เฉพาะจังหวัดของท่าน');
  });

  it('reminds on the days ADMIN set for a round, and refuses a schedule outside the rules in Thai', async () => {
    const db = server.db;
    const admin = await makeSession(db, await makeUser(db, Role.ADMIN), clock.now());
    for (const [days, message] of [
      [[61], 'จำนวนวันก่อนปิดรอบต้องเป็นจำนวนเต็ม 0–60 วัน'],
      [[-1], 'จำนวนวันก่อนปิดรอบต้องเป็นจำนวนเต็ม 0–60 วัน'],
      [[7, 7], 'จำนวนวันก่อนปิดรอบซ้ำกัน'],
      [[30, 21, 14, 7, 3, 1, 0], 'กำหนดวันเตือนได้ไม่เกิน 6 ครั้งต่อรอบ'],
    ] as const) {
      const res = await server.gql(UpdateReminderScheduleDocument, { r: 'TWELVE_MONTHS', days: [...days] }, { token: admin });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe(message);
    }
    try {
      const set = await server.gql(UpdateReminderScheduleDocument, { r: 'TWELVE_MONTHS', days: [3, 45] }, { token: admin });
      expect(set.data!.updateReminderSchedule).toEqual({ round: 'TWELVE_MONTHS', days: [45, 3] });
      const read = await server.gql(ReminderScheduleDocument, {}, { token: admin });
      expect(read.data!.reminderSchedule).toContainEqual({ round: 'TWELVE_MONTHS', days: [45, 3] });

      const lao = await makeLao(db);
      await makeProject(db, lao, { fiscalYears: [YEAR] });
      const officer = await makeUser(db, Role.LAO_OFFICER, { lao });
      // The twelve-month round of the year closes on 30 September: 45 days before, then 3.
      for (const [at, expected] of [
        ['2024-08-10T02:00:00Z', 0],
        ['2024-08-16T02:00:00Z', 1],
        ['2024-09-20T02:00:00Z', 1],
        ['2024-09-27T02:00:00Z', 2],
      ] as const) {
        clock.set(new Date(at));
        await sendDeadlineReminders(server.deps, clock.now());
        expect(await noticesOf(officer.id, NotificationKind.DEADLINE_REMINDER)).toHaveLength(expected);
      }
    } finally {
      await server.gql(UpdateReminderScheduleDocument, { r: 'TWELVE_MONTHS', days: [21, 14, 7, 1] }, { token: admin });
    }
  });

  it('retries a channel that keeps failing with growing pauses, then marks the delivery FAILED', async () => {
    const db = server.db;
    clock.set(new Date('2024-10-01T03:00:00Z'));
    const lao = await makeLao(db);
    const officer = await makeUser(db, Role.LAO_OFFICER, { lao, email: `${freshName('fail')}@example.go.th` });
    const project = await makeProject(db, lao, { planStatus: PlanStatus.ADD_PENDING });
    const reviewer = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }), clock.now());
    const res = await server.gql(ReviewProjectAdditionDocument, { id: String(project.id), y: 2567, a: true, r: null }, { token: reviewer });
    expect(res.errors).toBeUndefined();
    const [notice] = await noticesOf(officer.id, NotificationKind.DECISION);
    expect(notice.title).toBe('อนุมัติการขอเพิ่มโครงการ ปีงบประมาณ พ.ศ. 2567');
    // A channel behind the same interface that is always down.
    const down = new Map([
      [
        NotificationChannel.EMAIL,
        { name: NotificationChannel.EMAIL, reaches: () => true, send: () => Promise.reject(new Error('connect ECONNREFUSED')) },
      ],
    ]);
    const delivery = () => db.getRepository(NotificationDelivery).findOneByOrFail({ notificationId: notice.id });
    const pauses: number[] = [];
    for (let attempt = 1; attempt <= MAX_NOTICE_ATTEMPTS; attempt++) {
      await deliverNotices({ ...server.deps, channels: down }, () => clock.now());
      const row = await delivery();
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe('connect ECONNREFUSED');
      pauses.push(row.nextAttemptAt.getTime() - clock.now().getTime());
      clock.set(row.nextAttemptAt);
    }
    expect(pauses.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect((await delivery()).status).toBe(NoticeDeliveryStatus.FAILED);
    // The in-app notice stays.
    expect((await noticesOf(officer.id, NotificationKind.DECISION))[0].readAt).toBeNull();
  });

  it('tells the LAO a baseline decision and a compliance mark, with the reason', async () => {
    const db = server.db;
    clock.set(new Date('2024-10-02T03:00:00Z'));
    const lao = await makeLao(db);
    const officer = await makeUser(db, Role.LAO_OFFICER, { lao });
    const project = await makeProject(db, lao, { name: 'โครงการเปิดเผยข้อมูลจัดซื้อจัดจ้าง' });
    const request = await db.getRepository(BaselineRequest).save({
      laoCode: lao.code,
      fiscalYear: 2567,
      currentCount: 1,
      requestedCount: 4,
      status: RequestStatus.PENDING,
      reason: null,
      requestedBy: officer.id,
      requestedAt: clock.now(),
      decidedBy: null,
      decidedAt: null,
    });
    const reviewer = await makeSession(db, await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: '80' }), clock.now());
    const rejected = await server.gql(
      ReviewBaselineRequestDocument,
      { id: String(request.id), a: false, r: 'จำนวนไม่ตรงกับแผนที่สภาเห็นชอบ' },
      { token: reviewer },
    );
    expect(rejected.errors).toBeUndefined();
    const marked = await server.gql(
      SetProjectComplianceDocument,
      { id: String(project.id), y: 2567, a: false, r: 'ไม่ตรงกับมิติที่ 2' },
      { token: reviewer },
    );
    expect(marked.errors).toBeUndefined();
    expect((await noticesOf(officer.id, NotificationKind.DECISION)).map((n) => [n.title, n.body])).toEqual([
      [
        'ไม่อนุมัติคำขอปรับจำนวนโครงการตั้งต้น ปีงบประมาณ พ.ศ. 2567',
        'สำนักงาน ป.ป.ช. ไม่อนุมัติคำขอปรับจำนวนโครงการตั้งต้นเป็น 4 โครงการ ปีงบประมาณ พ.ศ. 2567 เหตุผล: จำนวนไม่ตรงกับแผนที่สภาเห็นชอบ',
      ],
      [
        'โครงการไม่สอดคล้องกับแผนฯ ปีงบประมาณ พ.ศ. 2567',
        'สำนักงาน ป.ป.ช. ระบุว่าโครงการ "โครงการเปิดเผยข้อมูลจัดซื้อจัดจ้าง" ไม่สอดคล้องกับแผนฯ ปีงบประมาณ พ.ศ. 2567 เหตุผล: ไม่ตรงกับมิติที่ 2',
      ],
    ]);
  });

  it('runs a job once per due time across runners, hands over a lease that ran out, and records a failure', async () => {
    clock.set(new Date('2024-11-01T03:00:00Z'));
    const runs: string[] = [];
    let release: () => void = () => undefined;
    const name = freshName('job');
    const slow: JobDefinition = {
      name,
      nextRun: (now) => new Date(now.getTime() + 60_000),
      leaseMs: 30_000,
      run: async () => {
        runs.push('slow');
        await new Promise<void>((resolve) => (release = resolve));
        return 'เสร็จ';
      },
    };
    // The first runner holds the job while it runs: a second runner meanwhile leaves it.
    const first = runDueJobs(server.db, clock, [slow], 'runner-a');
    while (!runs.length) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await runDueJobs(otherDb, clock, [{ ...slow, run: async () => (runs.push('second'), 'ซ้ำ') }], 'runner-b')).toEqual([]);
    // The first runner is gone (its lease ran out): another takes the job over.
    clock.advance(31_000);
    expect(await runDueJobs(otherDb, clock, [{ ...slow, run: async () => (runs.push('takeover'), 'รับช่วง') }], 'runner-b')).toEqual([name]);
    release();
    await first;
    expect(runs).toEqual(['slow', 'takeover']);
    // The late runner's outcome is not recorded over the one that took over.
    const row = await server.db.getRepository(ScheduledJob).findOneByOrFail({ name });
    expect(row).toMatchObject({ lastResult: 'รับช่วง', leasedBy: null, leaseUntil: null });

    // A job that fails is recorded with its error and due again at its next time; a daily job starts at its first time.
    const failing: JobDefinition = { ...slow, name: freshName('failing'), run: () => Promise.reject(new Error('database did not answer')) };
    const daily: JobDefinition = {
      ...slow,
      name: freshName('daily'),
      firstRun: (now) => new Date(now.getTime() + 3_600_000),
      run: async () => 'ไม่ควรทำงาน',
    };
    expect(await runDueJobs(server.db, clock, [failing, daily], 'runner-a')).toEqual([failing.name]);
    expect(await server.db.getRepository(ScheduledJob).findOneByOrFail({ name: failing.name })).toMatchObject({
      lastError: 'database did not answer',
      lastResult: null,
      nextRunAt: new Date(clock.now().getTime() + 60_000),
    });
    expect(await server.db.getRepository(ScheduledJob).findOneByOrFail({ name: daily.name })).toMatchObject({ lastRunAt: null });
  });
});
