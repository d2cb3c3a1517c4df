import type { DataSource } from 'typeorm';
import type { Mailer } from '../../core/mailer';
import { NotificationChannel } from './notification.entity';

/** Who a notice goes to, with the addresses each channel needs (null: that channel cannot reach the user). */
export interface Recipient {
  userId: number;
  displayName: string;
  email: string | null;
  /** The LINE user the account linked (notification_setting.line_user_id). */
  lineUserId: string | null;
}

/** A notice as a channel sends it: Thai title and body, and the absolute URL of its page in the app (null: none). */
export interface ChannelMessage {
  title: string;
  body: string;
  url: string | null;
}

/**
 * One way a notice leaves the system besides the in-app list. The delivery job (notification.delivery.ts)
 * calls `send` after the notice committed, once per delivery row, and retries with backoff when it
 * rejects: a channel throws for anything that should be tried again (server down, 429, 5xx). Adding a
 * channel = a value of `NotificationChannel`, a class implementing this, its entry in `channelsOf`.
 */
export interface Channel {
  readonly name: NotificationChannel;
  /** Whether the recipient can be reached this way at all (an address, a linked account): no delivery row otherwise. */
  reaches(recipient: Recipient): boolean;
  /** Sends one notice; resolves when the channel took it, rejects (to be retried) otherwise. */
  send(recipient: Recipient, message: ChannelMessage): Promise<void>;
}

/** E-mail over SMTP_URL (core/mailer.ts); without SMTP_URL the mail goes to the outbox table the admin reads. */
export class EmailChannel implements Channel {
  readonly name = NotificationChannel.EMAIL;
  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
  ) {}

  reaches(recipient: Recipient): boolean {
    return !!recipient.email;
  }

  send(recipient: Recipient, message: ChannelMessage): Promise<void> {
    const text = message.url ? `${message.body}\n\nเปิดในระบบ e-PlanNACC: ${message.url}` : message.body;
    return this.mailer.deliver(this.db, { to: recipient.email!, subject: message.title, text });
  }
}

/** The channels this instance sends by, by name (LINE joins here, behind the same interface). */
export function channelsOf(deps: { db: DataSource; mailer: Mailer }): Map<NotificationChannel, Channel> {
  return new Map<NotificationChannel, Channel>([[NotificationChannel.EMAIL, new EmailChannel(deps.db, deps.mailer)]]);
}
