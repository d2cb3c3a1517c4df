import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import '../../server/src/schema';
import { MAX_MONEY_SATANG } from '../../server/src/core/money';
import { Role } from '../../server/src/modules/access/role';
import { BaselineRequest, RequestStatus } from '../../server/src/modules/baseline-request/baseline-request.entity';
import { PlanStatus, ProjectOrigin } from '../../server/src/modules/plan/project.enums';
import { makeAttachment, makeLao, makeProject, makeUser, freshLaoCode, freshName, PASSWORD } from '../fixtures/factories';
import {
  documentOf,
  toLiteral,
  hostileLeaves,
  hostileLists,
  hostileObjects,
  plainValue,
  rootFields,
  seededRandom,
  slotsOf,
  toJson,
  withValue,
  type Hostile,
  type Path,
} from '../support/fuzz';
import { databases, signIn, TestServer } from './harness';

/**
 * Hostile input, generated from schema.graphql: every argument and input field of every mutation and of
 * every query with arguments, with values an attacker or a broken client would send, as each role that
 * may call the operation. Nothing may answer INTERNAL_SERVER_ERROR or a message that is not Thai, the
 * server keeps answering, and afterwards no invalid row is found in the database.
 *
 * FUZZ_RUNS (default 1) multiplies how many hostile values each slot gets; FUZZ_SEED picks them.
 */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1));
const SEED = Number(process.env.FUZZ_SEED ?? 25670502);
const PER_SLOT = 4 * RUNS;

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));
const THAI = /[\u0E00-\u0E7F]/;
/** Years the fuzz may write global settings for (windows, thresholds): no other test uses them. */
const OWN_YEAR = 2562;
const CURRENT_YEAR = 2567;

type Who = 'anonymous' | Role;

/** Who may call a root field: from its @Authorized roles (none = public; SERVICE never mutates). */
function callers(kind: 'query' | 'mutation', name: string): Who[] {
  const signedIn = [Role.LAO_OFFICER, Role.PROVINCE_OFFICER, Role.ADMIN, ...(kind === 'query' ? [Role.SERVICE] : [])];
  const gate = getMetadataStorage().authorizedFields.find((f) => f.fieldName === name);
  if (!gate) return ['anonymous', ...signedIn];
  const roles = gate.roles as Role[];
  return roles.length ? signedIn.filter((r) => roles.includes(r)) : signedIn;
}

interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  document: string;
}

const operations: Operation[] = [
  ...rootFields(schema).mutation.map((field) => ({ kind: 'mutation' as const, field })),
  ...rootFields(schema).query.map((field) => ({ kind: 'query' as const, field })),
]
  .filter(({ field }) => field.args.length > 0)
  .map(({ kind, field }) => ({ name: field.name, kind, field, document: documentOf(kind, field) }));

// Arguments of fields below the root (Lao.awards(fiscalYear)) are reached through a root query.
const laoType = schema.getType('Lao') as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
operations.push({
  name: 'lao.awards',
  kind: 'query',
  field: { ...laoType.getFields().awards, args: [...schema.getQueryType()!.getFields().lao.args, ...laoType.getFields().awards.args] },
  document: 'query Fuzz($code: String!, $fiscalYear: Int!) { lao(code: $code) { awards(fiscalYear: $fiscalYear) { __typename } } }',
});

interface World {
  laoCode: string;
  laoCodes: string[];
  projectId: number;
  additionalId: number;
  reductionId: number;
  victimProjectId: number;
  requestId: number;
  attachmentId: number;
  apiTokenId: string;
  victim: string;
  service: string;
  tokens: Partial<Record<Who, string>>;
}

/** Valid values of the arguments, by operation and path, so that each hostile value is the only thing wrong. */
function valueFor(w: World, op: string, name: string, type: GraphQLInputType): unknown {
  const byOp: Record<string, Record<string, unknown>> = {
    createLao: { code: freshLaoCode() },
    createUser: { username: freshName('fuzz') },
    importLaos: { code: freshLaoCode() },
    importUsers: { username: freshName('fuzz'), role: 'ADMIN', password: 'Fuzz-Passw0rd' },
    login: { username: w.victim, password: PASSWORD },
    requestPasswordReset: { username: w.victim, email: 'victim@example.com' },
    changePassword: { currentPassword: PASSWORD, newPassword: 'Changed-Passw0rd' },
    resetPassword: { token: 'x'.repeat(43) },
    createApiToken: { username: w.service, name: 'ระบบทดสอบ' },
    cancelBaselineRequest: { id: String(w.requestId) },
    reviewBaselineRequest: { id: String(w.requestId) },
    revokeApiToken: { id: w.apiTokenId },
    deleteProject: { id: String(w.victimProjectId) },
    updateProject: { id: String(w.projectId), version: 1 },
    project: { id: String(w.projectId) },
    reviewProjectAddition: { projectId: String(w.additionalId) },
    reviewProjectReduction: { projectId: String(w.reductionId) },
    approveMany: { kind: 'ADDITION', projectId: String(w.additionalId) },
    setReportingWindow: { fiscalYear: OWN_YEAR },
    setRoundPublication: { fiscalYear: OWN_YEAR, reason: 'ถอนการเผยแพร่เพื่อทดสอบ' },
    roundPublications: { fiscalYear: OWN_YEAR },
    setLevelThresholds: { fiscalYear: OWN_YEAR, highFrom: 5000, highInclusive: true, mediumFrom: 2000, mediumInclusive: false },
    reportingWindows: { fiscalYear: OWN_YEAR },
    reportingReopenings: { fiscalYear: OWN_YEAR },
    reopenRound: { fiscalYear: OWN_YEAR, until: '2024-05-03T00:00:00.000Z' },
    endReopening: { fiscalYear: OWN_YEAR },
    requestBaselineChange: { fiscalYear: 2568 },
    importPlanYears: { fiscalYear: '2568', baselineCount: '5', minimumCount: '3' },
    setSarScores: { dimension: 1, selfScore: 50.5, evaluatedScore: 60, budget: '1000.00', projectCount: 3 },
    setAttachmentPublic: { id: String(w.attachmentId) },
    deleteAttachment: { id: String(w.attachmentId) },
  };
  const named: Record<string, unknown> = {
    laoCode: w.laoCode,
    code: w.laoCode,
    provinceCode: '80',
    districtCode: '8007',
    fiscalYear: CURRENT_YEAR,
    fiscalYears: [CURRENT_YEAR],
    projectId: String(w.projectId),
    username: w.victim,
    requestedCount: 7,
    approve: true,
    compliant: true,
    disabled: false,
    round: 'SIX_MONTHS',
    size: 'MEDIUM',
    type: 'SAO',
    status: 'IN_PROGRESS',
    name: 'องค์การบริหารส่วนตำบลฟัซ',
    objective: 'เพื่อทดสอบ',
    quarters: [1],
    dimension: 1,
    targetGroups: ['LOCAL_STAFF'],
    inOrdinance: true,
    ordinanceBudget: '100.00',
    disbursed: '50.00',
    text: 'รางวัลทดสอบ',
    kind: getNamedType(type).name === 'AwardKind' ? 'KPI' : undefined,
    displayName: 'ผู้รับผิดชอบคนใหม่',
    newPassword: 'Fuzz-Passw0rd-2',
    row: '2',
  };
  const own = byOp[op] ?? {};
  if (name in own) return own[name];
  return named[name];
}

/** The valid variables of an operation. */
function validVariables(w: World, op: Operation): Record<string, unknown> {
  const named = (name: string, type: GraphQLInputType) => valueFor(w, op.name, name, type);
  const vars: Record<string, unknown> = {};
  for (const arg of op.field.args) {
    const given = named(arg.name, arg.type);
    if (given !== undefined) vars[arg.name] = given;
    else if (isNonNullType(arg.type)) vars[arg.name] = plainValue(arg.type, named, arg.name);
  }
  return vars;
}

function valueAt(vars: Record<string, unknown>, at: Path): unknown {
  let v: unknown = vars;
  for (const key of at) v = v === null || v === undefined ? undefined : (v as Record<string | number, unknown>)[key];
  return v;
}

/** The hostile values a run sends to one slot: a seeded sample, bigger with FUZZ_RUNS. */
function sample(all: Hostile[], random: () => number): Hostile[] {
  const pool = [...all];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, PER_SLOT);
}

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ message: string }> } }> } & {
    message?: string;
  };
}

async function post(server: TestServer, body: string, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: { message: `(not JSON) ${text.slice(0, 200)}` } };
  }
}

/** What is wrong with an answer: an internal error, a message a Thai official cannot read, no answer at all. */
function problemsOf(answer: Answer): string[] {
  const out: string[] = [];
  if (answer.status >= 500) out.push(`HTTP ${answer.status}`);
  const { errors, message } = answer.body;
  if (errors) {
    for (const e of errors) {
      if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') out.push('INTERNAL_SERVER_ERROR');
      if (!THAI.test(e.message ?? '')) out.push(`not Thai: ${String(e.message).slice(0, 160)}`);
      for (const f of e.extensions?.fields ?? []) if (!THAI.test(f.message ?? '')) out.push(`field message not Thai: ${f.message}`);
    }
  } else if (message !== undefined) {
    if (!THAI.test(message)) out.push(`not Thai: ${message.slice(0, 160)}`);
  } else if (answer.body.data === undefined) {
    out.push('neither data nor errors');
  }
  return out;
}

describe.each(databases)('hostile input generated from the schema ($name)', ({ url }) => {
  let server: TestServer;
  let w: World;
  const before = new Map<string, Set<string>>();

  beforeAll(async () => {
    server = await TestServer.start(url());
    const lao = await makeLao(server.db);
    const other = await makeLao(server.db);
    const officer = await makeUser(server.db, Role.LAO_OFFICER, { lao });
    const province = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' });
    const admin = await makeUser(server.db, Role.ADMIN);
    const service = await makeUser(server.db, Role.SERVICE);
    const victim = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80', email: 'victim@example.com' });
    const project = await makeProject(server.db, lao, { fiscalYears: [CURRENT_YEAR, 2568], budget: 1_000_000 });
    const additional = await makeProject(server.db, lao, { origin: ProjectOrigin.ADDITIONAL, planStatus: PlanStatus.ADD_PENDING });
    const reduction = await makeProject(server.db, lao, { planStatus: PlanStatus.REDUCE_PENDING });
    const victimProject = await makeProject(server.db, other);
    const request = await server.db.getRepository(BaselineRequest).save({
      laoCode: lao.code,
      fiscalYear: 2568,
      currentCount: 1,
      requestedCount: 3,
      status: RequestStatus.PENDING,
      reason: null,
      requestedBy: officer.id,
      requestedAt: server.clock.now(),
      decidedBy: null,
      decidedAt: null,
    });
    const tokens: World['tokens'] = {
      [Role.LAO_OFFICER]: await signIn(server, officer.username, PASSWORD),
      [Role.PROVINCE_OFFICER]: await signIn(server, province.username, PASSWORD),
      [Role.ADMIN]: await signIn(server, admin.username, PASSWORD),
    };
    const issued = await server.gql(
      'mutation($u: String!) { createApiToken(username: $u, name: "fuzz") { secret apiToken { id } } }',
      { u: service.username },
      { token: tokens[Role.ADMIN] },
    );
    tokens[Role.SERVICE] = issued.data!.createApiToken.secret;
    w = {
      laoCode: lao.code,
      laoCodes: [lao.code, other.code],
      projectId: project.id,
      additionalId: additional.id,
      reductionId: reduction.id,
      victimProjectId: victimProject.id,
      requestId: request.id,
      attachmentId: (await makeAttachment(server.db, lao)).id,
      apiTokenId: issued.data!.createApiToken.apiToken.id,
      victim: victim.username,
      service: service.username,
      tokens,
    };
    for (const meta of server.db.entityMetadatas) {
      const rows: Array<Record<string, unknown>> = await server.db.query(`SELECT * FROM ${meta.tableName}`);
      before.set(meta.tableName, new Set(rows.map((r) => meta.primaryColumns.map((c) => String(r[c.databaseName])).join('|'))));
    }
  });
  afterAll(() => server.stop());

  it.each(operations.map((op) => [op.name, op] as const))(
    '%s',
    async (_name, op) => {
      const random = seededRandom(SEED + [...op.name].reduce((s, c) => s * 31 + c.charCodeAt(0), 7));
      const who = callers(op.kind, op.name.split('.')[0]);
      const valid = validVariables(w, op);
      const failures: string[] = [];
      let turn = 0;
      for (const arg of op.field.args) {
        for (const slot of slotsOf(arg)) {
          const current =
            valueAt(valid, slot.path) ?? plainValue(slot.type, (n, t) => valueFor(w, op.name, n, t), String(slot.path.at(-1)));
          const candidates =
            slot.kind === 'leaf'
              ? [...hostileLeaves(slot.type), { label: 'null', value: null }]
              : slot.kind === 'list'
                ? hostileLists((current as unknown[])[0])
                : hostileObjects(current as Record<string, unknown>);
          for (const [i, hostile] of sample(candidates, random).entries()) {
            const role = who[turn++ % who.length];
            const token = role === 'anonymous' ? undefined : w.tokens[role];
            const variables = withValue(valid, slot.path, hostile.value);
            const answer = await post(server, toJson({ query: op.document, variables }), token);
            for (const p of problemsOf(answer)) failures.push(`${slot.path.join('.')} = ${hostile.label} as ${role}: ${p}`);
            // The first value of each argument also goes into the document itself, as a literal.
            if (i === 0 && slot.path.length === 1 && op.name === op.field.name) {
              const { [arg.name]: _inlined, ...rest } = variables;
              const query = documentOf(op.kind, op.field, { name: arg.name, literal: toLiteral(hostile.value) });
              const inline = await post(server, toJson({ query, variables: rest }), token);
              for (const p of problemsOf(inline)) failures.push(`${slot.path.join('.')} = ${hostile.label} (literal) as ${role}: ${p}`);
            }
          }
        }
      }
      const alive = await server.gql('{ __typename }');
      expect(alive.data).toEqual({ __typename: 'Query' });
      expect(failures).toEqual([]);
    },
    30_000 * RUNS,
  );

  it('leaves no invalid row behind', async () => {
    const invalid: string[] = [];
    let scanned = 0;
    const MAX_COUNT = 10_000;
    const COUNTS = new Set(['baseline_count', 'minimum_count', 'requested_count', 'current_count', 'project_count']);
    const SKIP = new Set(['audit_log', 'outbox_mail', 'password_reset', 'province', 'district', 'plan_dimension']);
    // What a valid stored text is: no control characters but line breaks and tabs, no bidirectional
    // overrides, no replacement characters (left by lone surrogates), not blank or invisible only.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD\uFFFE\uFFFF]/;
    const INVISIBLE_ONLY = /^[\s\u200B-\u200F\u2060\uFEFF\u00AD]*$/;
    for (const meta of server.db.entityMetadatas) {
      if (SKIP.has(meta.tableName)) continue;
      const known = before.get(meta.tableName)!;
      const rows: Array<Record<string, unknown>> = await server.db.query(`SELECT * FROM ${meta.tableName}`);
      for (const row of rows) {
        const key = meta.primaryColumns.map((c) => String(row[c.databaseName])).join('|');
        const ours = w.laoCodes.includes(String(row.lao_code ?? (meta.tableName === 'lao' ? row.code : '')));
        if (known.has(key) && !ours) continue;
        scanned++;
        for (const column of meta.columns) {
          const v = row[column.databaseName];
          const where = `${meta.tableName}.${column.databaseName} (${key})`;
          if (v === null || v === undefined) continue;
          if (column.databaseName === 'fiscal_year') {
            if (!(Number(v) >= 2561 && Number(v) <= CURRENT_YEAR + 4)) invalid.push(`${where}: fiscal year ${String(v)}`);
          } else if (column.type === 'int' || column.type === 'bigint') {
            const n = Number(v);
            if (!Number.isSafeInteger(n) || n < 0) invalid.push(`${where}: ${String(v)}`);
            if (COUNTS.has(column.databaseName) && n > MAX_COUNT) invalid.push(`${where}: count ${n}`);
            if (column.transformer && n > MAX_MONEY_SATANG) invalid.push(`${where}: amount ${n}`);
          } else if (column.type === 'datetime') {
            const year = new Date(v as string).getUTCFullYear();
            if (!(year >= 2000 && year < 2100)) invalid.push(`${where}: date ${String(v)}`);
          } else if (typeof v === 'string' && column.type !== 'boolean') {
            const text = v;
            if (CONTROL.test(text.replace(column.type === 'text' ? /[\n\t]/g : /$^/, ''))) {
              invalid.push(`${where}: control character in ${JSON.stringify(text.slice(0, 40))}`);
            }
            // Lists kept in one column ("1,3") may be empty; text may not be blank unless the column defaults to ''.
            if (INVISIBLE_ONLY.test(text) && column.default !== '' && !column.transformer)
              invalid.push(`${where}: blank ${JSON.stringify(text.slice(0, 40))}`);
            if (text !== text.trim()) invalid.push(`${where}: untrimmed ${JSON.stringify(text.slice(0, 40))}`);
            if (column.length && [...text].length > Number(column.length)) invalid.push(`${where}: ${[...text].length} characters`);
          }
        }
      }
    }
    expect(scanned).toBeGreaterThan(10);
    expect(invalid).toEqual([]);
  });
});
