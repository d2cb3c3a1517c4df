import { OutboxMail } from '../../server/src/core/outbox-mail.entity';
import { Role } from '../../server/src/modules/access/role';
import { makeUser, PASSWORD } from '../fixtures/factories';
import { startSmtpSink, textOf } from '../support/smtp-sink';
import { codeOf, databases, signIn, TestServer } from './harness';
import { LoginDocument } from '../gql/graphql';
import { MeUsernameDocument, RequestPasswordResetDocument, ResetPasswordDocument } from '../gql/graphql';

describe.each(databases)('forgotten password ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  /** The reset link mailed to an address (no SMTP_URL in tests: the outbox). */
  async function mailedToken(email: string): Promise<string | null> {
    const mail = await server.db.getRepository(OutboxMail).findOne({ where: { recipient: email }, order: { id: 'DESC' } });
    const m = mail?.body.match(/reset-password\?token=([\w%-]+)/);
    return m ? decodeURIComponent(m[1]) : null;
  }

  it('answers the same whether or not username and e-mail match, and mails a link only when they do', async () => {
    const email = `${Date.now()}a@example.go.th`;
    const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
    const matching = await server.gql(RequestPasswordResetDocument, { u: user.username, e: email.toUpperCase() });
    const wrongEmail = await server.gql(RequestPasswordResetDocument, { u: user.username, e: 'other@example.go.th' });
    const unknownUser = await server.gql(RequestPasswordResetDocument, { u: 'nobody-here', e: email });
    for (const res of [matching, wrongEmail, unknownUser]) {
      expect(res).toMatchObject({ data: { requestPasswordReset: true }, status: 200 });
      expect(res.errors).toBeUndefined();
    }
    const mails = await server.db.getRepository(OutboxMail).findBy({ recipient: email });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('e-PlanNACC: ตั้งรหัสผ่านใหม่');
    expect(mails[0].body).toContain(`ชื่อผู้ใช้งาน ${user.username}`);
    expect(mails[0].body).toContain('http://eplan.test/reset-password?token=');
    expect(await server.db.getRepository(OutboxMail).countBy({ recipient: 'other@example.go.th' })).toBe(0);
  });

  it('sets a new password once with the link; the link is then spent and old sessions end', async () => {
    const email = `${Date.now()}b@example.go.th`;
    const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
    const oldSession = await signIn(server, user.username, PASSWORD);
    await server.gql(RequestPasswordResetDocument, { u: user.username, e: email });
    const token = (await mailedToken(email))!;
    const res = await server.gql(ResetPasswordDocument, { t: token, p: 'ตั้งใหม่Reset2567' });
    expect(res.data).toEqual({ resetPassword: true });
    await signIn(server, user.username, 'ตั้งใหม่Reset2567');
    expect((await server.gql(MeUsernameDocument, {}, { token: oldSession })).data!.me).toBeNull();

    const again = await server.gql(ResetPasswordDocument, { t: token, p: 'AnotherPass2567' });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toBe('ลิงก์ตั้งรหัสผ่านใหม่ไม่ถูกต้อง ถูกใช้ไปแล้ว หรือหมดอายุแล้ว กรุณาขอลิงก์ใหม่');
    await signIn(server, user.username, 'ตั้งใหม่Reset2567');
  });

  it('refuses a link after 30 minutes, and an older link once a newer one was sent', async () => {
    const email = `${Date.now()}c@example.go.th`;
    const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
    await server.gql(RequestPasswordResetDocument, { u: user.username, e: email });
    const first = (await mailedToken(email))!;
    await server.gql(RequestPasswordResetDocument, { u: user.username, e: email });
    const second = (await mailedToken(email))!;
    expect(second).not.toBe(first);
    expect(codeOf(await server.gql(ResetPasswordDocument, { t: first, p: 'NewerPass2567' }))).toBe('BAD_USER_INPUT');

    server.clock.advance(30 * 60_000 + 1000);
    expect(codeOf(await server.gql(ResetPasswordDocument, { t: second, p: 'NewerPass2567' }))).toBe('BAD_USER_INPUT');
    await signIn(server, user.username, PASSWORD);
  });

  it('keeps the link unspent when the new password is refused', async () => {
    const email = `${Date.now()}d@example.go.th`;
    const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
    await server.gql(RequestPasswordResetDocument, { u: user.username, e: email });
    const token = (await mailedToken(email))!;
    const weak = await server.gql(ResetPasswordDocument, { t: token, p: 'short' });
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors![0].extensions!.fields![0].field).toBe('newPassword');
    expect((await server.gql(ResetPasswordDocument, { t: token, p: 'GoodPass2567' })).data).toEqual({ resetPassword: true });
  });

  it('mails at most three links an hour to one account, answering the same to every request', async () => {
    const email = `${Date.now()}f@example.go.th`;
    const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
    for (let i = 0; i < 5; i++)
      expect((await server.gql(RequestPasswordResetDocument, { u: user.username, e: email })).data).toEqual({ requestPasswordReset: true });
    expect(await server.db.getRepository(OutboxMail).countBy({ recipient: email })).toBe(3);
    server.clock.advance(3600_000 + 1000);
    await server.gql(RequestPasswordResetDocument, { u: user.username, e: email });
    expect(await server.db.getRepository(OutboxMail).countBy({ recipient: email })).toBe(4);
  });

  it('a reset also lifts a lockout', async () => {
    const email = `${Date.now()}e@example.go.th`;
    const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
    for (let i = 0; i < 5; i++) await server.gql(LoginDocument, { username: user.username, password: 'wrong-pass-9' });
    await server.gql(RequestPasswordResetDocument, { u: user.username, e: email });
    await server.gql(ResetPasswordDocument, { t: (await mailedToken(email))!, p: 'Unlocked2567' });
    await signIn(server, user.username, 'Unlocked2567');
  });

  it('with SMTP_URL, the link leaves by mail once the request has committed, one mail per stored link', async () => {
    const smtp = await startSmtpSink();
    const mailing = await TestServer.start(url(), { db: server.db, env: { SMTP_URL: smtp.url } });
    try {
      const email = `${Date.now()}g@example.go.th`;
      const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => mailing.gql(RequestPasswordResetDocument, { u: user.username, e: email })),
      );
      expect(answers.map((a) => a.data?.requestPasswordReset)).toEqual(Array(6).fill(true));
      for (let waited = 0; smtp.received.length < 3 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.received.map((m) => m.to)).toEqual(Array(3).fill([email]));
      // Only the newest link works (which one that is depends on who took the account's lock first).
      const tokens = smtp.received.map((m) => decodeURIComponent(/reset-password\?token=([\w%-]+)/.exec(textOf(m))?.[1] ?? ''));
      const results = [];
      for (const t of tokens)
        results.push((await mailing.gql(ResetPasswordDocument, { t, p: 'ByMail2567x' })).data?.resetPassword ?? false);
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await mailing.stop(false);
      await smtp.close();
    }
  });
});
