import { Role } from '../../server/src/modules/access/role';
import { makeUser } from '../fixtures/factories';
import { postGql } from '../support/post-gql';
import { CreateApiTokenDocument, LoginDocument } from '../gql/graphql';
import { describeE2E, e2eSuite, expectText, screenshot } from './harness';

jest.setTimeout(90_000);

describeE2E('the GraphiQL page for API token holders, in Chromium', () => {
  const e2e = e2eSuite();

  /** A SERVICE account's API token, issued by the demo's admin as the admin pages issue it. */
  async function serviceToken(): Promise<string> {
    const admin = await postGql(e2e.server.url, LoginDocument, { username: 'admin', password: 'Admin@2567' });
    const service = await makeUser(e2e.server.db, Role.SERVICE);
    const issued = await postGql(e2e.server.url, CreateApiTokenDocument, { u: service.username }, { token: admin.data!.login.token });
    expect(issued.errors).toBeUndefined();
    return issued.data!.createApiToken.secret;
  }

  it('runs a token’s query from /graphiql, keeps the token in the tab only, and asks nothing of any other host', async () => {
    const token = await serviceToken();
    const { context, page } = await e2e.open({ width: 1366, height: 900 });
    const elsewhere: string[] = [];
    const bearers: Array<string | undefined> = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(e2e.server.url) && !/^(data|blob):/.test(url)) elsewhere.push(url);
      if (url === `${e2e.server.url}/graphql`) bearers.push(request.headers().authorization);
    });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });

    await page.goto('/graphiql');
    await expectText(page.locator('.api-help[lang="th"]'), 'docs/API.md');
    await expectText(page.locator('.api-help[lang="en"]'), 'docs/API.md');
    await page.getByTestId('graphiql-token').fill(token);
    await page.getByTestId('graphiql-token-use').click();
    await expectText(page.getByTestId('graphiql-token-state'), 'ใช้ token แล้ว');

    // Typed into the query editor as a paste would (the editor closes brackets on keystrokes).
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{ rateLimit { limit remaining } }');
    await page.locator('.graphiql-execute-button').click();
    const answer = await expectText(page.locator('.result-window'), /"remaining": \d+/);
    expect(answer).toMatch(/"limit": [1-9]\d*/);
    expect(bearers.at(-1)).toBe(`Bearer ${token}`);
    const shot = await screenshot(page, 'graphiql');
    expect(shot).toMatch(/graphiql\.png$/);

    // The token is in this tab's sessionStorage only: not in localStorage, not in a cookie.
    const stored = await page.evaluate(() => ({
      session: Object.values(sessionStorage),
      local: Object.entries(localStorage).filter(([, v]) => v.includes('.') || v.length > 20),
    }));
    expect(stored.session).toContain(token);
    expect(JSON.stringify(stored.local)).not.toContain(token);
    expect((await context.cookies()).map((c) => c.value)).not.toContain(token);
    const otherTab = await context.newPage();
    await otherTab.goto('/graphiql');
    await expectText(otherTab.getByTestId('graphiql-token-state'), 'ยังไม่มี token');

    expect(elsewhere).toEqual([]);
    expect(blocked.filter((text) => /Content Security Policy|Refused/.test(text))).toEqual([]);
    await context.close();
  });
});
