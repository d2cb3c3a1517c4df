/**
 * `npm run reminder:wave`: the national reminder wave, measured. A country of synthetic LAOs (scripts/
 * generate-national.ts: ≈ 7,500 LAOs, 5 projects each with their six-month reports in a fixed mix), one
 * officer with an e-mail address per LAO, the six-month round closing in 7 days: how long the reminder
 * job takes to queue the notices of every LAO with waiting projects (in batches of 500 LAOs, one
 * transaction each), and how fast the delivery job sends them (to the mail outbox table: no SMTP_URL,
 * so the figure is the system's own, not a mail server's). A second run of the job must add nothing.
 * WAVE_DB_URL names an empty database (made with scripts/setup-mariadb.sh, or a SQLite file); the figures
 * go in notes, with the command. Not a timed test.
 */
import 'reflect-metadata';
import { createApp } from '../server/src/app';
import { ManualClock } from '../server/src/core/clock';
import { loadConfig, NO_RATE_LIMITS } from '../server/src/core/config';
import { openDatabase } from '../server/src/core/database';
import { createLogger } from '../server/src/core/logger';
import { Role } from '../server/src/modules/access/role';
import { Lao } from '../server/src/modules/lao/lao.entity';
import { User } from '../server/src/modules/account/user.entity';
import { deliverNotices } from '../server/src/modules/notification/notification.delivery';
import { Notification, NotificationDelivery, NoticeDeliveryStatus } from '../server/src/modules/notification/notification.entity';
import { ReportRound } from '../server/src/modules/plan/report.enums';
import { sendDeadlineReminders } from '../server/src/modules/reminder/reminder.jobs';
import { ReportingWindow } from '../server/src/modules/reporting-window/reporting-window.entity';
import { generateNational } from './generate-national';

const FISCAL_YEAR = 2567;
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

async function main() {
  const url = process.env.WAVE_DB_URL;
  if (!url) throw new Error('WAVE_DB_URL must name an empty database (mysql://… or sqlite:…)');
  const config = loadConfig({
    DB_URL: url,
    LOG_LEVEL: 'silent',
    DEMO_DATA: '0',
    PUBLIC_URL: 'https://eplan.example.go.th',
    ...NO_RATE_LIMITS,
  });
  const db = await openDatabase(config.db, { migrate: true });
  if (await db.getRepository(Lao).count()) throw new Error('the database already has LAOs: give an empty one');
  const country = await generateNational(db, 5, FISCAL_YEAR);
  const laos = await db.getRepository(Lao).find({ select: { code: true, provinceCode: true } });
  for (let i = 0; i < laos.length; i += 500) {
    const now = new Date();
    await db.getRepository(User).insert(
      laos.slice(i, i + 500).map((l) => ({
        username: l.code,
        passwordHash: null,
        role: Role.LAO_OFFICER,
        displayName: `เจ้าหน้าที่ ${l.code}`,
        email: `${l.code}@example.go.th`,
        laoCode: l.code,
        provinceCode: l.provinceCode,
        disabled: false,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  const clock = new ManualClock(new Date('2024-06-23T02:00:00Z'));
  await db.getRepository(ReportingWindow).save({
    fiscalYear: FISCAL_YEAR,
    round: ReportRound.SIX_MONTHS,
    opensAt: new Date('2024-04-01T00:00:00Z'),
    closesAt: new Date('2024-06-30T10:00:00Z'),
  });
  const { deps, stop } = await createApp({ db, config, clock, log: createLogger('silent') });

  let started = process.hrtime.bigint();
  const result = await sendDeadlineReminders(deps, clock.now());
  const queued = seconds(started);
  const notices = await db.getRepository(Notification).count();
  const deliveries = await db.getRepository(NotificationDelivery).count();
  started = process.hrtime.bigint();
  const again = await sendDeadlineReminders(deps, clock.now());
  const rerun = seconds(started);

  started = process.hrtime.bigint();
  let passes = 0;
  for (;;) {
    const { sent, failed } = await deliverNotices(deps, () => clock.now());
    if (!sent && !failed) break;
    passes += 1;
  }
  const sending = seconds(started);
  const sent = await db.getRepository(NotificationDelivery).countBy({ status: NoticeDeliveryStatus.SENT });

  console.log(`database: ${config.db.kind}; LAOs ${country.laos}, projects ${country.projects}, six-month reports ${country.reports}`);
  console.log(
    `reminder job (7 days before the close): ${result} — ${notices} notices, ${deliveries} e-mail deliveries queued in ${queued.toFixed(2)} s`,
  );
  console.log(`the same job again: ${again} in ${rerun.toFixed(2)} s`);
  console.log(
    `delivery job: ${sent} sent in ${passes} passes, ${sending.toFixed(2)} s (${(sent / sending).toFixed(0)} a second, to the outbox table)`,
  );
  await stop();
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
