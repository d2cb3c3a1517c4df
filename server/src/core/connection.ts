import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { edgesOfPage, MAX_PAGE_SIZE, ROUND_TRIP_COST } from './limits';

/*
 * Relay-style connections for machine callers (other NACC systems): pages of at most MAX_PAGE_SIZE over
 * a stable unique key (keyset paging, never OFFSET), so that a caller walking 7,850 LAOs while others
 * insert sees each row that existed when it started exactly once. Cursors are opaque to the caller:
 * base64url of the key of the row they follow, checked on the way in.
 */

@ObjectType({ description: 'Where a page stands in the whole list (Relay)' })
export class PageInfo {
  @Field({ description: 'More items follow the last of this page (ask with `after: endCursor`)' })
  hasNextPage: boolean;

  @Field({ description: 'Items come before the first of this page (ask with `before: startCursor` and `last`)' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null on an empty page' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; null on an empty page' })
  endCursor: string | null;
}

/** The paging arguments every connection takes: `first` (with `after`) forwards, or `last` (with `before`) backwards. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `The first n items after \`after\` (1–${MAX_PAGE_SIZE}); this or \`last\` is required` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item the page starts after (an `endCursor`)' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last n items before \`before\` (1–${MAX_PAGE_SIZE})` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item the page ends before (a `startCursor`)' })
  before?: string | null;
}

/** One page of a connection, as services answer it; `count` runs its query only when `totalCount` is asked for. */
export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/**
 * The connection type of a node type (`LaoConnection` with `LaoEdge`): edges counted by the page size
 * asked for (limits.ts `edgesOfPage`), `totalCount` as a query of its own.
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor` })
  class Edge {
    @Field({ description: 'Opaque: pass it as `after` or `before`' })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class Connection implements Page<T> {
    @Field(() => [Edge], { complexity: edgesOfPage })
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    count: () => Promise<number>;

    constructor(page: Page<T>) {
      Object.assign(this, page);
    }

    @Field(() => Int, { complexity: ROUND_TRIP_COST, description: 'Items of the whole list (its filters applied, not the cursors)' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return Connection;
}

/** The parts of a stable key: text (matched by a pattern), a positive whole number, or an instant. */
export type KeyPart =
  { column: string; kind: 'text'; pattern: RegExp } | { column: string; kind: 'id' } | { column: string; kind: 'instant' };

/** How a list is paged: its key's columns in order (the last one unique) and how to read the key of a row. */
export interface Keyset<T> {
  /** Named in the cursor, so that a cursor of another list (or of another ordering) is refused. */
  name: string;
  parts: KeyPart[];
  keyOf: (row: T) => Array<string | number | Date>;
}

const malformed = (field: string) =>
  badInput([{ field, message: 'cursor ไม่ถูกต้อง กรุณาใช้ค่า startCursor หรือ endCursor ที่ระบบส่งมา' }], 'cursor ไม่ถูกต้อง (invalid cursor)');

const encodeCursor = (name: string, key: Array<string | number | Date>): string =>
  Buffer.from(JSON.stringify([name, ...key.map((v) => (v instanceof Date ? v.getTime() : v))])).toString('base64url');

/** The key a cursor names, checked part by part; BAD_USER_INPUT for anything the server did not make. */
function decodeCursor(keyset: Keyset<unknown>, cursor: string, field: string): Array<string | number | Date> {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed(field);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed(field);
  }
  if (!Array.isArray(parsed) || parsed.length !== keyset.parts.length + 1 || parsed[0] !== keyset.name) throw malformed(field);
  return keyset.parts.map((part, i) => {
    const value: unknown = parsed[i + 1];
    if (part.kind === 'text' && typeof value === 'string' && part.pattern.test(value)) return value;
    if (part.kind === 'id' && Number.isSafeInteger(value) && (value as number) > 0) return value as number;
    if (part.kind === 'instant' && Number.isSafeInteger(value) && (value as number) >= 0) return new Date(value as number);
    throw malformed(field);
  });
}

/** A page size (`first`, `last`): a whole number from 1 to MAX_PAGE_SIZE, else refused in Thai under its field. */
export function checkPageSize(field: string, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    const message = `${field} ต้องเป็นจำนวนเต็ม 1–${MAX_PAGE_SIZE} (${field} must be 1–${MAX_PAGE_SIZE})`;
    throw badInput([{ field, message }], message);
  }
  return n;
}

/** The page a caller asks for: its size and direction, refused in Thai (and English) when it is not one. */
function pageRequest(args: PageArgs): { size: number; forward: boolean } {
  const { first, last } = args;
  if ((first === null || first === undefined) === (last === null || last === undefined)) {
    const message = 'กรุณาระบุ first หรือ last อย่างใดอย่างหนึ่ง (exactly one of first and last is required)';
    throw badInput([{ field: first === null || first === undefined ? 'first' : 'last', message }], message);
  }
  if (first !== null && first !== undefined) {
    return { size: checkPageSize('first', first), forward: true };
  }
  return { size: checkPageSize('last', last!), forward: false };
}

/** `(a, b) > (:a, :b)` written out, which every database reads alike and can answer from an index. */
function beyond(parts: KeyPart[], key: Array<string | number | Date>, op: '>' | '<', prefix: string) {
  const params: Record<string, unknown> = {};
  const clauses = parts.map((part, i) => {
    params[`${prefix}${i}`] = key[i];
    const equal = parts.slice(0, i).map((p, j) => `${p.column} = :${prefix}${j}`);
    return `(${[...equal, `${part.column} ${op} :${prefix}${i}`].join(' AND ')})`;
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/**
 * One page of a filtered list, by its keyset: the rows after `after` and before `before`, the first or
 * the last `size` of them, in key order. One query for the page (it reads one row more to know whether
 * another page follows); `totalCount`, when asked for, counts the filtered list in one more.
 */
export async function pageBy<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keyset: Keyset<T>, args: PageArgs): Promise<Page<T>> {
  const { size, forward } = pageRequest(args);
  const after = args.after ? decodeCursor(keyset as Keyset<unknown>, args.after, 'after') : null;
  const before = args.before ? decodeCursor(keyset as Keyset<unknown>, args.before, 'before') : null;
  const counted = qb.clone();
  if (after) {
    const { sql, params } = beyond(keyset.parts, after, '>', 'after');
    qb.andWhere(sql, params);
  }
  if (before) {
    const { sql, params } = beyond(keyset.parts, before, '<', 'before');
    qb.andWhere(sql, params);
  }
  keyset.parts.forEach((part, i) => (i === 0 ? qb.orderBy : qb.addOrderBy).call(qb, part.column, forward ? 'ASC' : 'DESC'));
  // LIMIT, not take(): the joins that scope a page never repeat its rows, and take() would page them in two queries.
  const rows = await qb.limit(size + 1).getMany();
  const more = rows.length > size;
  const page = forward ? rows.slice(0, size) : rows.slice(0, size).reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(keyset.name, keyset.keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      // Relay allows answering only the side a page was read toward exactly: the other says whether a cursor bounds it.
      hasNextPage: forward ? more : !!before,
      hasPreviousPage: forward ? !!after : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: () => counted.getCount(),
  };
}
