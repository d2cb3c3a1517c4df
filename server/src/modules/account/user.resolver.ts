import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { parseId } from '../../core/ids';
import { EXPECTED, listOf } from '../../core/limits';
import { OutboxMail } from '../../core/outbox-mail.entity';
import { Grant, grantsOf } from '../access/grant';
import { Permission } from '../access/policy';
import { ROLE_TRAITS } from '../access/role';
import { Province } from '../geography/province.entity';
import { Lao } from '../lao/lao.entity';
import * as accounts from './account.queries';
import { ApiTokenArgs, CreateUserInput, ReassignUserInput, UserPasswordArgs, UsersFilter } from './account.inputs';
import { ApiTokenSecret } from './account.types';
import { AuthToken } from './auth-token.entity';
import * as admin from './user-admin.commands';
import { User } from './user.entity';

/** Accounts: the user's own fields, and the ADMIN's management of every account. */
@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Lao, { nullable: true })
  lao(@Root() user: User, @Ctx() ctx: AppContext): Promise<Lao | null> | null {
    return user.laoCode ? ctx.loaders.laoByCode.load(user.laoCode) : null;
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() user: User, @Ctx() ctx: AppContext): Promise<Province | null> | null {
    return user.provinceCode ? ctx.loaders.provinceByCode.load(user.provinceCode) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Locked after five wrong passwords, until lockedUntil' })
  locked(@Root() user: User, @Ctx() ctx: AppContext): boolean {
    return user.lockedUntil !== null && user.lockedUntil.getTime() > ctx.clock.now().getTime();
  }

  @FieldResolver(() => String, { description: 'Its role’s Thai name (modules/access/role.ts)' })
  roleLabel(@Root() user: User): string {
    return ROLE_TRAITS[user.role].label;
  }

  @FieldResolver(() => [Grant], {
    complexity: listOf(Object.keys(Permission).length),
    description:
      'What the account may do and how far (modules/access/policy.ts); the client builds its menus, routes and buttons from them',
  })
  grants(@Root() user: User): Grant[] {
    return grantsOf(user);
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [User], { complexity: listOf(500), description: 'Accounts, newest first (at most 500)' })
  users(@Args() filter: UsersFilter, @Ctx() ctx: AppContext): Promise<User[]> {
    return accounts.findUsers(ctx, filter);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => User, { description: 'Create an account of any role' })
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: AppContext): Promise<User> {
    return admin.createUser(ctx, input);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => User, { description: 'Disable (ends every session and API token) or enable an account' })
  setUserDisabled(@Arg('username') username: string, @Arg('disabled') disabled: boolean, @Ctx() ctx: AppContext): Promise<User> {
    return admin.setUserDisabled(ctx, username, disabled);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => User, { description: 'Lift a lockout' })
  unlockUser(@Arg('username') username: string, @Ctx() ctx: AppContext): Promise<User> {
    return admin.unlockUser(ctx, username);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => User, { description: 'Set a new password for an account; its sessions end' })
  resetUserPassword(@Args() { username, newPassword }: UserPasswordArgs, @Ctx() ctx: AppContext): Promise<User> {
    return admin.resetUserPassword(ctx, username, newPassword);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => User, { description: 'Staff transfer: hand the account to a new officer' })
  reassignUser(@Arg('username') username: string, @Arg('input') input: ReassignUserInput, @Ctx() ctx: AppContext): Promise<User> {
    return admin.reassignUser(ctx, username, input);
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [AuthToken], { complexity: listOf(20), description: 'API tokens of a SERVICE account (never their secrets)' })
  apiTokens(@Arg('username') username: string, @Ctx() ctx: AppContext): Promise<AuthToken[]> {
    return accounts.apiTokensOf(ctx, username);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => ApiTokenSecret, { description: 'Issue an API token to a SERVICE account; the secret is shown once' })
  createApiToken(@Args() args: ApiTokenArgs, @Ctx() ctx: AppContext): Promise<ApiTokenSecret> {
    return admin.createApiToken(ctx, args);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => ApiTokenSecret, {
    description: 'A new secret for an API token (a new token with the same terms); the old secret keeps working for 24 hours, then stops',
  })
  rotateApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<ApiTokenSecret> {
    return admin.rotateApiToken(ctx, parseId(id));
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => AuthToken, { description: 'Revoke an API token' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<AuthToken> {
    return admin.revokeApiToken(ctx, parseId(id));
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [OutboxMail], { complexity: listOf(EXPECTED.page), description: 'Mail written while no SMTP_URL is set, newest first' })
  outbox(@Ctx() ctx: AppContext, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number): Promise<OutboxMail[]> {
    return accounts.outbox(ctx, limit);
  }
}
