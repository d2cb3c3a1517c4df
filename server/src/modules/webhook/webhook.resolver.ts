import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { PageSizeArg } from '../../core/input';
import { EXPECTED, listOf } from '../../core/limits';
import { Permission } from '../access/policy';
import { CHANGE_EVENT_NAMES } from '../audit/change-events';
import { Webhook, WebhookDelivery } from './webhook.entity';
import { CreateWebhookInput } from './webhook.inputs';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, redeliver } from './webhook.service';

@ObjectType('CreatedWebhook', { description: 'A new webhook and its signing secret, shown this once' })
class CreatedWebhook {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Checks X-EPlan-Signature (docs/API.md); shown only now' })
  secret: string;

  @Field(() => Webhook)
  webhook: Webhook;
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @FieldResolver(() => [String], { description: 'The events it receives' })
  events(@Root() webhook: Webhook): string[] {
    return webhook.events.split(',');
  }

  @Authorized()
  @Query(() => [String], { complexity: listOf(CHANGE_EVENT_NAMES.length), description: 'Every event a webhook can subscribe to' })
  webhookEvents(): string[] {
    return CHANGE_EVENT_NAMES;
  }

  @Authorized(Permission.SUBSCRIBE)
  @Query(() => [Webhook], { complexity: listOf(EXPECTED.page), description: 'The caller’s webhooks (ADMIN: every one)' })
  webhooks(@Ctx() ctx: AppContext): Promise<Webhook[]> {
    return listWebhooks(ctx);
  }

  @Authorized(Permission.SUBSCRIBE)
  @Query(() => [WebhookDelivery], {
    complexity: listOf(({ first }) => Number(first) || 1),
    description: 'The delivery log of a webhook, newest first: status, attempts, the last answer',
  })
  webhookDeliveries(
    @Arg('webhookId', () => ID) webhookId: string,
    @PageSizeArg('first') first: number,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookDelivery[]> {
    return listDeliveries(ctx, Number(webhookId), first);
  }

  @Authorized(Permission.SUBSCRIBE)
  @Mutation(() => CreatedWebhook, {
    description: 'Push events of the change feed, from now on, to a URL, signed with a secret returned once',
  })
  async createWebhook(@Arg('input') input: CreateWebhookInput, @Ctx() ctx: AppContext): Promise<CreatedWebhook> {
    const { webhook, secret } = await createWebhook(ctx, input);
    return { id: String(webhook.id), secret, webhook };
  }

  @Authorized(Permission.SUBSCRIBE)
  @Mutation(() => Boolean, { description: 'Stop a webhook; its delivery log goes with it' })
  deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return deleteWebhook(ctx, Number(id));
  }

  @Authorized(Permission.SUBSCRIBE)
  @Mutation(() => WebhookDelivery, { description: 'Send a delivery again from its first attempt (replay from the log)' })
  redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: AppContext): Promise<WebhookDelivery> {
    return redeliver(ctx, Number(deliveryId));
  }
}
