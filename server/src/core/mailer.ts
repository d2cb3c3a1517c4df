import nodemailer from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { OutboxMail } from './outbox-mail.entity';
import type { Clock } from './clock';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail through SMTP_URL, or, without it, writes it to the outbox table that the admin reads. */
export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  /** Queue a mail as part of the caller's transaction; it leaves only once the transaction commits. */
  send(em: EntityManager, message: MailMessage, afterCommit: Array<() => Promise<void> | void>): Promise<void>;
  /**
   * Sends a mail now and resolves once the SMTP server took it (or the outbox row is written); rejects
   * when the server cannot be reached or refuses it, so that a caller with its own retries (the notices'
   * outbox, modules/notification) tries again later.
   */
  deliver(db: DataSource, message: MailMessage): Promise<void>;
}

/** How long a send waits for the SMTP server to answer before it counts as failed (and is tried again later). */
const SMTP_TIMEOUT_MS = 10_000;

export function createMailer(
  smtpUrl: string | undefined,
  log: Logger,
  clock: Clock,
  from = 'e-PlanNACC <no-reply@e-plannacc.local>',
): Mailer {
  if (!smtpUrl) {
    const toOutbox = async (em: EntityManager, message: MailMessage) => {
      await em.getRepository(OutboxMail).insert({
        recipient: message.to,
        subject: message.subject,
        body: message.text,
        createdAt: clock.now(),
      });
      log.info({ to: message.to, subject: message.subject }, 'mail written to the outbox (no SMTP_URL)');
    };
    return {
      mode: 'outbox',
      send: (em, message) => toOutbox(em, message),
      deliver: (db, message) => toOutbox(db.manager, message),
    };
  }
  const url = new URL(smtpUrl);
  for (const timeout of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) {
    if (!url.searchParams.has(timeout)) url.searchParams.set(timeout, String(SMTP_TIMEOUT_MS));
  }
  const transport = nodemailer.createTransport(url.toString());
  const deliver = async (message: MailMessage) => {
    await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    log.info({ to: message.to, subject: message.subject }, 'mail sent');
  };
  return {
    mode: 'smtp',
    async send(_em, message, afterCommit) {
      afterCommit.push(async () => {
        try {
          await deliver(message);
        } catch (err) {
          log.error({ err, to: message.to, subject: message.subject }, 'mail could not be sent');
        }
      });
    },
    deliver: (_db, message) => deliver(message),
  };
}
