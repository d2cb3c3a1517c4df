import { Role } from '../../server/src/modules/access/role';
import { makeLao, makeProject, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import { AuditActionListDocument, AuditTrailDocument, MarkProjectNonCompliantDocument } from '../gql/graphql';

describe.each(databases)('the audit log in Thai ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  it('reads a compliance mark as a Thai sentence with the Buddhist-era date and Thai time, and its fields in Thai', async () => {
    const lao = await makeLao(server.db, { provinceCode: '80', districtCode: '8007' });
    const project = await makeProject(server.db, lao, { name: 'โครงการอบรมคุณธรรม', budget: 1_250_050 });
    await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80', displayName: 'นายสมชาย ใจดี', username: `somchai${project.id}` });
    const reviewer = await signIn(server, `somchai${project.id}`, PASSWORD);
    const marked = await server.gql(
      MarkProjectNonCompliantDocument,
      { id: String(project.id), y: 2567, reason: 'ไม่ตรงตามหลักเกณฑ์' },
      { token: reviewer },
    );
    expect(marked.errors).toBeUndefined();

    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    const log = await server.gql(AuditTrailDocument, { a: 'markNonCompliant', l: lao.code }, { token: admin });
    expect(log.errors).toBeUndefined();
    const [row] = log.data!.auditLog.rows;
    expect(row.actionLabel).toBe('ทำเครื่องหมายว่าไม่เป็นไปตามหลักเกณฑ์');
    expect(row.actorLabel).toBe(`นายสมชาย ใจดี (เจ้าหน้าที่สำนักงาน ป.ป.ช. ประจำจังหวัด บัญชี somchai${project.id})`);
    expect(row.targetLabel).toBe(`โครงการที่ ${project.seq} 'โครงการอบรมคุณธรรม' ปี พ.ศ. 2567`);
    // The test server's clock stands at 2024-05-02 03:00 UTC: 10:00 in Thailand, in the Buddhist era.
    expect(row.sentence).toBe(
      `นายสมชาย ใจดี (เจ้าหน้าที่สำนักงาน ป.ป.ช. ประจำจังหวัด บัญชี somchai${project.id}) ทำเครื่องหมายว่าไม่เป็นไปตามหลักเกณฑ์ โครงการที่ ${project.seq} 'โครงการอบรมคุณธรรม' ปี พ.ศ. 2567 — 2 พฤษภาคม 2567 เวลา 10:00 น.`,
    );
    expect(row.changes).toEqual([
      { field: 'planStatus', label: 'สถานะในแผนฯ', before: 'สอดคล้อง', after: 'ไม่สอดคล้อง' },
      { field: 'reviewReason', label: 'เหตุผลของสำนักงาน ป.ป.ช.', before: '—', after: 'ไม่ตรงตามหลักเกณฑ์' },
    ]);
  });

  it('offers the actions with their Thai names, and the filter takes only a code of that list', async () => {
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    const list = await server.gql(AuditActionListDocument, {}, { token: admin });
    expect(list.data!.auditActions).toContainEqual({ code: 'markNonCompliant', label: 'ทำเครื่องหมายว่าไม่เป็นไปตามหลักเกณฑ์' });
    expect(list.data!.auditActions).toContainEqual({ code: 'updateLao', label: 'แก้ไขทะเบียน อปท.' });
    expect(list.data!.auditActions.every((a) => /[\u0E00-\u0E7F]/.test(a.label))).toBe(true);
    // Each names what it is done to where the verb alone would not: no two read the same in the filter.
    expect(list.data!.auditActions).toContainEqual({ code: 'approveBaselineRequest', label: 'อนุมัติคำขอปรับจำนวนโครงการตั้งต้น' });
    const labels = list.data!.auditActions.map((a) => a.label);
    expect(new Set(labels).size).toBe(labels.length);
    const unknown = await server.gql(AuditTrailDocument, { a: 'ทำเครื่องหมาย' }, { token: admin });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toContain('กรุณาเลือกจากรายการ');
    const lao = await signIn(server, (await makeUser(server.db, Role.LAO_OFFICER)).username, PASSWORD);
    expect(codeOf(await server.gql(AuditActionListDocument, {}, { token: lao }))).toBe('FORBIDDEN');
  });
});
