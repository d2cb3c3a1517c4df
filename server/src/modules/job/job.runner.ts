import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../core/clock';
import { execute, inTransaction, insertIgnore } from '../../core/db';
import { retryingRaces } from '../../core/transaction';
import { ScheduledJob } from './scheduled-job.entity';

/**
 * A job the runner runs: what it does, and when it is due again after a run. `run` answers what it did,
 * in Thai, for ADMIN's list (`scheduledJobs`). A run may be cut short (the instance dies) and then runs
 * again once its lease ran out, so a job keeps what it did in the database and does nothing twice.
 */
export interface JobDefinition {
  name: string;
  /** When the job is due after a run that started at `now` (e.g. an hour later; the next 08:00 in Thailand). */
  nextRun(now: Date): Date;
  /** When a job the database has not seen yet is first due (default: at once; a daily job: its next time). */
  firstRun?(now: Date): Date;
  /** Longest a run may take; another instance takes the job over after that. */
  leaseMs: number;
  run(now: Date): Promise<string>;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 300);

/**
 * Takes a due job for `runner` by one conditional UPDATE (its lease): of several instances asking at once,
 * one changes the row, the others change nothing and leave it. A job without a row yet gets one, due at
 * its first time.
 */
async function claim(db: DataSource, job: JobDefinition, runner: string, now: Date): Promise<boolean> {
  const free = '(lease_until IS NULL OR lease_until < ?)';
  const take = () =>
    inTransaction(db, (em) =>
      execute(em, `UPDATE scheduled_job SET lease_until = ?, leased_by = ? WHERE name = ? AND next_run_at <= ? AND ${free}`, [
        new Date(now.getTime() + job.leaseMs),
        runner,
        job.name,
        now,
        now,
      ]),
    );
  return retryingRaces(null, 'jobClaim', async () => {
    if ((await take()) === 1) return true;
    const inserted = await inTransaction(db, (em) =>
      execute(em, `${insertIgnore(db)} INTO scheduled_job (name, next_run_at) VALUES (?, ?)`, [job.name, job.firstRun?.(now) ?? now]),
    );
    return inserted === 1 && (await take()) === 1;
  });
}

/** Records how a run ended and when the job is due next, if this runner still holds it. */
async function finish(
  db: DataSource,
  job: JobDefinition,
  runner: string,
  started: Date,
  ended: Date,
  result: string | null,
  error: string | null,
) {
  await retryingRaces(null, 'jobFinish', () =>
    inTransaction(db, (em) =>
      execute(
        em,
        'UPDATE scheduled_job SET next_run_at = ?, last_run_at = ?, last_result = ?, last_error = ?, lease_until = NULL, leased_by = NULL WHERE name = ? AND leased_by = ?',
        [job.nextRun(started), ended, result === null ? null : oneLine(result), error === null ? null : oneLine(error), job.name, runner],
      ),
    ),
  );
}

/**
 * One pass of the runner: every due job that no other instance holds, in turn, run by this instance.
 * Answers the names of the jobs it ran. A job that throws is recorded with its error and due again at
 * its next time; the other jobs of the pass still run.
 */
export async function runDueJobs(
  db: DataSource,
  clock: Clock,
  jobs: JobDefinition[],
  runner: string,
  log: Logger | null = null,
): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const started = clock.now();
    if (!(await claim(db, job, runner, started))) continue;
    ran.push(job.name);
    try {
      const result = await job.run(started);
      await finish(db, job, runner, started, clock.now(), result, null);
    } catch (err) {
      log?.warn({ err, job: job.name }, 'scheduled job failed; it runs again at its next time');
      await finish(db, job, runner, started, clock.now(), null, String((err as Error).message ?? err));
    }
  }
  return ran;
}

/** The jobs as ADMIN reads them, by name. */
export const scheduledJobs = (em: EntityManager): Promise<ScheduledJob[]> =>
  em.getRepository(ScheduledJob).find({ order: { name: 'ASC' } });

/**
 * Runs `runDueJobs` every `everyMs` in this instance until stopped (main.ts; JOB_RUNNER_MS, 0 = never).
 * Every instance may run it: the leases in `scheduled_job` keep each run to one instance.
 */
export function startJobRunner(db: DataSource, clock: Clock, jobs: JobDefinition[], log: Logger, everyMs: number): () => void {
  const runner = randomUUID();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueJobs(db, clock, jobs, runner, log)
      .catch((err) => log.warn({ err }, 'the job runner failed a pass; trying again'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
