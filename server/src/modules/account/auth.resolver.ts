import { Args, Authorized, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { fiscalYearOf, projectFiscalYears, selectableFiscalYears } from '../../core/fiscal-year';
import { OWN_TRANSACTIONS, runMutation } from '../../core/transaction';
import { recordAudit } from '../audit/audit.service';
import { AuthPayload, FiscalYearOptions, LaoAccount } from './account.types';
import { ChangePasswordArgs, LoginArgs, PasswordResetRequestArgs, ResetPasswordArgs, UsernameLookupArgs } from './account.inputs';
import { AuthToken } from './auth-token.entity';
import { login } from './login.command';
import { usernameLookup } from './account.queries';
import { changePassword, requestPasswordReset, resetPassword } from './password.commands';
import { User } from './user.entity';
import { EXPECTED, listOf } from '../../core/limits';

/** Signing in and out, passwords, and what anyone may ask signed out. */
@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  me(@Ctx() ctx: AppContext): User | null {
    return ctx.user;
  }

  @Query(() => FiscalYearOptions, { description: 'The current fiscal year (BE) and the years to offer' })
  fiscalYearOptions(@Ctx() ctx: AppContext): FiscalYearOptions {
    const now = ctx.clock.now();
    return { current: fiscalYearOf(now), years: selectableFiscalYears(now), planYears: projectFiscalYears(now) };
  }

  @Query(() => [LaoAccount], {
    complexity: listOf(EXPECTED.laosOfDistrict),
    description: 'ค้นหาชื่อผู้ใช้งาน (public): the LAOs of a district and their officers’ usernames',
  })
  usernameLookup(@Args() { provinceCode, districtCode }: UsernameLookupArgs, @Ctx() ctx: AppContext): Promise<LaoAccount[]> {
    return usernameLookup(ctx, provinceCode, districtCode);
  }

  @Extensions({ [OWN_TRANSACTIONS]: true })
  @Mutation(() => AuthPayload, { description: 'Sign in. Five wrong passwords in a row lock the account for five minutes (LOCKED).' })
  login(@Args() { username, password }: LoginArgs, @Ctx() ctx: AppContext): Promise<AuthPayload> {
    return login(ctx, username, password);
  }

  @Extensions({ [OWN_TRANSACTIONS]: true })
  @Mutation(() => Boolean, { description: 'Sign out: the session (or the API token used) stops working' })
  async logout(@Ctx() ctx: AppContext): Promise<boolean> {
    ctx.cookie.clear();
    // Signed out already: nothing changes, so nothing is written (anyone may call this as often as they like).
    if (ctx.authTokenId === null) return true;
    await runMutation(ctx, 'logout', async () => {
      await ctx.em.getRepository(AuthToken).update({ id: ctx.authTokenId! }, { revokedAt: ctx.clock.now() });
      await recordAudit(ctx, { action: 'logout', targetType: 'User', targetId: ctx.user?.id ?? null });
    });
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'เปลี่ยนรหัสผ่าน. Other sessions of the account end.' })
  changePassword(@Args() { currentPassword, newPassword }: ChangePasswordArgs, @Ctx() ctx: AppContext): Promise<boolean> {
    return changePassword(ctx, currentPassword, newPassword);
  }

  @Extensions({ [OWN_TRANSACTIONS]: true })
  @Mutation(() => Boolean, { description: 'ลืมรหัสผ่าน: always true; mails a 30-minute single-use link when username and e-mail match' })
  requestPasswordReset(@Args() { username, email }: PasswordResetRequestArgs, @Ctx() ctx: AppContext): Promise<boolean> {
    return requestPasswordReset(ctx, username, email);
  }

  @Extensions({ [OWN_TRANSACTIONS]: true })
  @Mutation(() => Boolean, { description: 'Set a new password with the token of a reset link' })
  resetPassword(@Args() { token, newPassword }: ResetPasswordArgs, @Ctx() ctx: AppContext): Promise<boolean> {
    return resetPassword(ctx, token, newPassword);
  }
}
