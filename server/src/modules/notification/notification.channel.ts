import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config';
import type { Mailer } from '../../core/mailer';
import { LineChannel } from './line.channel';
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

/** The delivery a send is for: its id, and the key every attempt of it carries (a channel that can, shows it once). */
export interface DeliveryRef {
  id: number;
  retryKey: string;
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
  /** Sends of this channel at a time in one pass of the outbox (default 8). */
  readonly parallel?: number;
  /**
   * When each of a batch's deliveries may go, by its recipient: null — now; else a later time it waits for
   * (no attempt spent), e.g. the end of the night's quiet hours or of a daily cap. A channel without such
   * rules leaves it out.
   */
  hold?(recipients: Recipient[], now: Date): Promise<Array<Date | null>>;
  /** Sends one notice; resolves when the channel took it, rejects (to be retried; a ChannelError says more, channel-error.ts) otherwise. */
  send(recipient: Recipient, message: ChannelMessage, delivery: DeliveryRef): Promise<void>;
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

/** The channels this instance sends by, by name: e-mail always, LINE once its channel access token is set. */
export function channelsOf(deps: { db: DataSource; mailer: Mailer; config?: Pick<AppConfig, 'line'> }): Map<NotificationChannel, Channel> {
  const channels = new Map<NotificationChannel, Channel>([[NotificationChannel.EMAIL, new EmailChannel(deps.db, deps.mailer)]]);
  if (deps.config?.line.accessToken) channels.set(NotificationChannel.LINE, new LineChannel(deps.db, deps.config.line));
  return channels;
}
