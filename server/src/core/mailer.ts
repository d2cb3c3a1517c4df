import nodemailer from 'nodemailer';
import type { EntityManager } from 'typeorm';
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
}

export function createMailer(
  smtpUrl: string | undefined,
  log: Logger,
  clock: Clock,
  from = 'e-PlanNACC <no-reply@e-plannacc.local>',
): Mailer {
  if (!smtpUrl) {
    return {
      mode: 'outbox',
      async send(em, message) {
        await em.getRepository(OutboxMail).insert({
          recipient: message.to,
          subject: message.subject,
          body: message.text,
          createdAt: clock.now(),
        });
        log.info({ to: message.to, subject: message.subject }, 'mail written to the outbox (no SMTP_URL)');
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async send(_em, message, afterCommit) {
      afterCommit.push(async () => {
        try {
          await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
          log.info({ to: message.to, subject: message.subject }, 'mail sent');
        } catch (err) {
          log.error({ err, to: message.to, subject: message.subject }, 'mail could not be sent');
        }
      });
    },
  };
}
