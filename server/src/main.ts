import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './core/config';
import { DatabaseNotReadyError, openDatabase } from './core/database';
import { createLogger } from './core/logger';
import { retryingRaces } from './core/transaction';
import { ensureAdminAccount } from './modules/account/bootstrap';
import { loadDemoDataIfEmpty } from './demo/demo-data';
import { systemClock } from './core/clock';
import { startWebhookWorker } from './modules/webhook/webhook.worker';
import { startJobRunner } from './modules/job/job.runner';
import { applicationJobs } from './jobs';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`e-PlanNACC cannot start. ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  if (config.processes > 1 && cluster.isPrimary) return runPrimary(config, log);
  // A worker of a primary (WEB_CONCURRENCY) finds the database prepared by it.
  const db = await prepareDatabase(config, log, cluster.isPrimary);
  const { listen, stop, deps } = await createApp({ db, config, log });
  const server: Server = await listen(config.port);
  // Every instance delivers webhooks unless told not to; leases in the database keep them from sending one delivery twice at once.
  const stopWebhooks = config.webhookWorkerMs ? startWebhookWorker(db, systemClock, log, config.webhookWorkerMs) : () => undefined;
  // Every instance runs the due scheduled jobs unless told not to; a job's lease in the database keeps each run to one instance.
  const stopJobs = config.jobRunnerMs ? startJobRunner(db, systemClock, applicationJobs(deps), log, config.jobRunnerMs) : () => undefined;
  log.info({ port: config.port }, `e-PlanNACC listening on http://localhost:${config.port}`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    stopWebhooks();
    stopJobs();
    server.close(async () => {
      await stop();
      await db.destroy();
      process.exit(0);
    });
    // Requests in progress finish; kept-alive connections with nothing in progress need not be waited for.
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * Opens the database; the first process (the only one, or the primary of several) also migrates it as
 * MIGRATE_ON_START says, makes ADMIN_USERNAME's account and loads the demo data into an empty database.
 */
async function prepareDatabase(config: AppConfig, log: Logger, first: boolean): Promise<DataSource> {
  let db;
  try {
    db = await openDatabase(config.db, { migrate: first ? config.migrateOnStart : false, log });
  } catch (e) {
    if (e instanceof DatabaseNotReadyError) {
      console.error(`e-PlanNACC cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  log.info(
    { database: config.db.kind === 'sqlite' ? config.db.path : `${config.db.host}:${config.db.port}/${config.db.database}` },
    'database ready',
  );
  if (!first) return db;
  // Several instances may start at once and do this each: a lost race runs again and finds the other's rows.
  if (config.adminUsername && config.adminPassword) {
    const { adminUsername, adminPassword } = config;
    await retryingRaces(log, 'ensureAdminAccount', () => ensureAdminAccount(db, adminUsername, adminPassword));
    log.info({ username: config.adminUsername }, 'admin account from ADMIN_USERNAME is ready');
  }
  if (config.demoData && (await retryingRaces(log, 'loadDemoData', () => loadDemoDataIfEmpty(db)))) {
    log.info('demo data loaded into the empty database');
  }
  return db;
}

/**
 * WEB_CONCURRENCY above 1: this process prepares the database, then starts that many workers, each the
 * whole server on the shared port (the operating system hands each new connection to one of them); one
 * that dies is started again. SIGTERM/SIGINT stop the workers, each finishing its requests.
 */
async function runPrimary(config: AppConfig, log: Logger): Promise<void> {
  const db = await prepareDatabase(config, log, true);
  await db.destroy();
  let stopping = false;
  for (let i = 0; i < config.processes; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'a server process ended; starting another');
    cluster.fork();
  });
  log.info({ processes: config.processes, port: config.port }, `e-PlanNACC: ${config.processes} server processes on port ${config.port}`);
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down the server processes');
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('e-PlanNACC failed to start:', err);
  process.exit(1);
});
