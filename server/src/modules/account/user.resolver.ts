import { Grant, grantsOf, Permission } from '../access/policy';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import type { AppContext } from '../../core/context';
import { Text } from '../../core/input';
import { parseId } from '../../core/ids';
import { Province } from '../geography/province.entity';
import { Lao } from '../lao/lao.entity';
import { ApiTokenSecret } from './account.types';
import { CreateUserInput, PASSWORD_PATTERN, PASSWORD_RULE_TH, ReassignUserInput } from './account.inputs';
import { AuthToken } from './auth-token.entity';
import { OutboxMail } from '../../core/outbox-mail.entity';
import { Role } from '../access/role';
import { User } from './user.entity';
import * as admin from './user-admin.commands';
import { EXPECTED, listOf } from '../../core/limits';

@ArgsType()
class UsersFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role, { message: 'บทบาทผู้ใช้งานไม่ถูกต้อง' })
  role?: Role;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก' })
  provinceCode?: string;

  @Field(() => String, { nullable: true, description: 'Part of a username or officer name' })
  @Text({ label: 'คำค้น', max: 64 })
  search?: string | null;
}

@ArgsType()
class UserPasswordArgs {
  @Field()
  username: string;

  @Field()
  @Matches(PASSWORD_PATTERN, { message: PASSWORD_RULE_TH })
  newPassword: string;
}

@ArgsType()
class ApiTokenArgs {
  @Field({ description: 'The SERVICE account' })
  username: string;

  @Field({ description: 'What the token is for, e.g. the calling system' })
  @Text({ label: 'ชื่อระบบงานที่ใช้ token นี้', max: 200, required: true })
  name: string;
}

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

  @FieldResolver(() => [Grant], {
    description:
      'What the account may do and how far (modules/access/policy.ts); the client builds its menus, routes and buttons from them',
  })
  grants(@Root() user: User): Grant[] {
    return grantsOf(user);
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [User], { complexity: listOf(500), description: 'Accounts, newest first (at most 500)' })
  users(@Args() { role, provinceCode, search }: UsersFilter, @Ctx() ctx: AppContext): Promise<User[]> {
    const qb = ctx.em.getRepository(User).createQueryBuilder('u').orderBy('u.id', 'DESC').take(500);
    if (role) qb.andWhere('u.role = :role', { role });
    if (provinceCode) qb.andWhere('u.province_code = :provinceCode', { provinceCode });
    // Typed % and _ are looked for as themselves (SQLite has no default LIKE escape: name it).
    if (search)
      qb.andWhere("(u.username LIKE :s ESCAPE '!' OR u.display_name LIKE :s ESCAPE '!')", { s: `%${search.replace(/[%_!]/g, '!$&')}%` });
    return qb.getMany();
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
  async apiTokens(@Arg('username') username: string, @Ctx() ctx: AppContext): Promise<AuthToken[]> {
    return ctx.em
      .getRepository(AuthToken)
      .createQueryBuilder('t')
      .innerJoin(User, 'u', 'u.id = t.user_id')
      .where('u.username = :username AND t.kind = :kind', { username, kind: 'API' })
      .orderBy('t.id', 'DESC')
      .getMany();
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => ApiTokenSecret, { description: 'Issue an API token to a SERVICE account; the secret is shown once' })
  createApiToken(@Args() { username, name }: ApiTokenArgs, @Ctx() ctx: AppContext): Promise<ApiTokenSecret> {
    return admin.createApiToken(ctx, username, name);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => AuthToken, { description: 'Revoke an API token' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<AuthToken> {
    return admin.revokeApiToken(ctx, parseId(id));
  }

  @Authorized(Permission.ADMINISTER)
  @Query(() => [OutboxMail], { complexity: listOf(EXPECTED.page), description: 'Mail written while no SMTP_URL is set, newest first' })
  outbox(@Ctx() ctx: AppContext, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number): Promise<OutboxMail[]> {
    return ctx.em.getRepository(OutboxMail).find({ order: { id: 'DESC' }, take: Math.min(Math.max(limit, 1), 200) });
  }
}
