import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { Permission } from '../access/policy';
import { User } from '../account/user.entity';
import { pageDeliveries, retryDelivery, sendTestNotice } from './delivery-admin';
import { createLinkCode, LINK_CODE_MS, unlinkLine } from './line.link';
import { LineLinkCodeResult, NotificationDeliveriesArgs, NotificationDeliveryConnection } from './line.types';
import { Notification, NotificationChannel, NotificationDelivery } from './notification.entity';

/** Linking a LINE account (the officials who get notices: WRITE), and ADMIN's delivery log, retry and test send. */
@Resolver(() => NotificationDelivery)
export class LineResolver {
  @Authorized(Permission.WRITE)
  @Mutation(() => LineLinkCodeResult, {
    description:
      'A one-time code (valid 15 minutes) to send to the LINE Official Account, which links the caller’s account to that LINE user',
  })
  async linkLineAccount(@Ctx() ctx: AppContext): Promise<LineLinkCodeResult> {
    const { code, expiresAt } = await createLinkCode(ctx);
    return {
      code,
      expiresAt,
      instructions: `เพิ่มเพื่อนบัญชีทางการ LINE ของระบบ e-PlanNACC แล้วส่งรหัส ${code} ในแชต ภายใน ${LINK_CODE_MS / 60_000} นาที`,
    };
  }

  @Authorized(Permission.WRITE)
  @Mutation(() => Boolean, { description: 'Unlink the caller’s LINE account (true if one was linked); no more LINE pushes' })
  unlinkLineAccount(@Ctx() ctx: AppContext): Promise<boolean> {
    return unlinkLine(ctx);
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => NotificationDeliveryConnection, {
    description: 'ADMIN: the notices’ delivery log — who, which channel, when, status, the last error (`first` or `last` 1–100)',
  })
  async notificationDeliveries(
    @Args() args: NotificationDeliveriesArgs,
    @Ctx() ctx: AppContext,
  ): Promise<InstanceType<typeof NotificationDeliveryConnection>> {
    return new NotificationDeliveryConnection(await pageDeliveries(ctx, args));
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => NotificationDelivery, { description: 'ADMIN: send a delivery again from its first attempt, now (not one already sent)' })
  retryNotificationDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<NotificationDelivery> {
    return retryDelivery(ctx, Number(id));
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => NotificationDelivery, {
    description: 'ADMIN: a test notice to oneself by one channel (queued; the delivery log shows how it went)',
  })
  sendTestNotification(
    @Arg('channel', () => NotificationChannel) channel: NotificationChannel,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationDelivery> {
    return sendTestNotice(ctx, channel);
  }

  @FieldResolver(() => Notification, { description: 'The notice it sends' })
  notification(@Root() delivery: NotificationDelivery): Notification {
    return delivery.notification!;
  }

  @FieldResolver(() => User, { description: 'Who it goes to' })
  recipient(@Root() delivery: NotificationDelivery): User {
    return delivery.notification!.user!;
  }
}
