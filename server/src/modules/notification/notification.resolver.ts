import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { Permission } from '../access/policy';
import { listNotifications, markNotificationsRead, notificationSettings, updateNotificationSettings } from './notification.inbox';
import { NotificationConnection, NotificationSettings, NotificationSettingsInput, NotificationsRead } from './notification.types';

/**
 * Notices reach the officials who act (WRITE: LAO officers, province offices, NACC central); a read-only
 * system account gets none.
 */
@Resolver()
export class NotificationResolver {
  @Authorized(Permission.WRITE)
  @Query(() => NotificationConnection, { description: 'The caller’s own notices, newest first, with the unread count (the bell)' })
  notifications(
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'How many, 1 to 100 (default 20)' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before' }) after?: string | null,
  ): Promise<NotificationConnection> {
    return listNotifications(ctx, first, after);
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => NotificationsRead, { description: 'Mark the caller’s notices read (1–100 ids); others’ ids change nothing' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: AppContext): Promise<NotificationsRead> {
    return markNotificationsRead(ctx, ids);
  }

  @Authorized(Permission.WRITE)
  @Query(() => NotificationSettings, { description: 'The caller’s notice settings: channels and which reminders' })
  notificationSettings(@Ctx() ctx: AppContext): Promise<NotificationSettings> {
    return notificationSettings(ctx);
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => NotificationSettings, { description: 'Change the caller’s notice settings (fields left out keep their values)' })
  updateNotificationSettings(@Arg('input') input: NotificationSettingsInput, @Ctx() ctx: AppContext): Promise<NotificationSettings> {
    return updateNotificationSettings(ctx, input);
  }
}
