import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, isListType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { AppContext } from './context';
import { DomainError } from './errors';
import { chargeQueryCost } from './rate-limit';

/** Deepest selection accepted (introspection needs about 12). */
export const MAX_DEPTH = 12;
/**
 * The most one operation may cost. A unit is about ten microseconds of the server's time: one per value
 * answered (a list counts each item it is expected to hold), ROUND_TRIP_COST per resolver that queries
 * the database on its own. The client's largest page (a national review queue) costs about 18,000; a
 * thousand aliases of `provinces` cost 655,000 (measured: 5–10 ms an alias).
 */
export const MAX_QUERY_COST = 25_000;
/** Largest request body, and most tokens a query may parse into (the client's largest operation has about 340). */
export const MAX_BODY_BYTES = 100 * 1024;
export const MAX_TOKENS = 2_000;
/** A resolver's own trip to the database, entities and all (every root field, and a list field that is not batched). */
export const ROUND_TRIP_COST = 500;
/** Items assumed for a list field that declares no expected size (short lists of scalars: years, quarters). */
export const DEFAULT_LIST_SIZE = 10;
/** The whole schema (`__schema`, as tools ask for it): answered from memory, about as large as a province's LAO registry. */
export const SCHEMA_INTROSPECTION_COST = 5_000;

export const depthRule = depthLimit(MAX_DEPTH);

/** The sizes of the lists the API answers with that several fields share: the largest a real caller meets, not an average. */
export const EXPECTED = {
  provinces: 77,
  /** Bangkok's 50 khet. */
  districtsOfProvince: 50,
  /** Up to 25 subdistricts (one SAO each) and the district's municipalities. */
  laosOfDistrict: 40,
  /** Nakhon Ratchasima: 289 subdistricts, its municipalities and the PAO. */
  laosOfProvince: 350,
  laosOfCountry: 7_900,
  projectsOfLao: 100,
  /** A project runs over the years of one plan. */
  yearsOfProject: 5,
  /** Items waiting for one reviewer's decision, nationwide for ADMIN. */
  pendingReviews: 300,
  /** The largest page of a paged list, and the largest chunk of an import. */
  page: 200,
} as const;

/** How many items a list field is expected to hold: a number, or one read from the field's arguments. */
export type ListSize = number | ((args: Record<string, unknown>) => number);

/**
 * The `complexity` of a list field (`@Field(() => [Lao], { complexity: listOf(350) })`): each expected
 * item costs what its selection costs, so 77 provinces with two fields cost 155, not 3. `perCall` adds
 * what each resolution costs besides (ROUND_TRIP_COST for a field that queries for each parent).
 */
export function listOf(size: ListSize, perCall = 0): ComplexityEstimator {
  return ({ args, childComplexity }) => perCall + 1 + (typeof size === 'number' ? size : size(args)) * Math.max(1, childComplexity);
}

/**
 * One estimator for every field: a field's own `complexity` when it declares one, else 1 plus what it
 * selects (times DEFAULT_LIST_SIZE for a list); root fields add ROUND_TRIP_COST; the whole schema costs
 * SCHEMA_INTROSPECTION_COST.
 */
export function costEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  return (options: ComplexityEstimatorArgs) => {
    if (options.field.name === '__schema') return SCHEMA_INTROSPECTION_COST;
    const own = options.field.extensions?.complexity;
    let cost: number;
    if (typeof own === 'function') cost = (own as ComplexityEstimator)(options) ?? 1;
    else if (typeof own === 'number') cost = own + options.childComplexity;
    else if (isListType(getNullableType(options.field.type))) cost = 1 + DEFAULT_LIST_SIZE * Math.max(1, options.childComplexity);
    else cost = 1 + options.childComplexity;
    return roots.has(options.type as never) ? cost + ROUND_TRIP_COST : cost;
  };
}

/** The cost of an operation, or null when its variables do not fit their types (execution answers that as BAD_USER_INPUT). */
export function queryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown>,
): number | null {
  try {
    return getComplexity({ schema, query, operationName: operationName ?? undefined, variables, estimators: [costEstimator(schema)] });
  } catch (error) {
    if (/^Variable "\$/.test((error as Error).message)) return null;
    // Anything else (e.g. fragments spread into more nodes than the estimator will visit) is too costly to answer.
    return Number.POSITIVE_INFINITY;
  }
}

const tooCostly = (cost: number) =>
  new DomainError(
    'TOO_COMPLEX',
    'คำขอนี้ขอข้อมูลมากเกินกว่าที่ระบบตอบได้ในครั้งเดียว กรุณาขอข้อมูลให้น้อยลงหรือแบ่งเป็นหลายคำขอ',
    Number.isFinite(cost) ? { cost, maxCost: MAX_QUERY_COST } : { maxCost: MAX_QUERY_COST },
  );

/**
 * Refuses operations that cost too much before any resolver runs (and before any database work), then
 * charges the cost to the caller's budget for the current window (rate-limit.ts): 429 when it is spent.
 */
export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const cost = queryCost(schema, document, request.operationName, request.variables);
          if (cost === null) return;
          if (cost > MAX_QUERY_COST) throw tooCostly(cost);
          await chargeQueryCost(contextValue, cost);
        },
      };
    },
  };
}

/** List fields of the schema's object types that declare no expected size (a unit test keeps this empty). */
export function listsWithoutSize(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const listOfObjects = isListType(getNullableType(field.type)) && isObjectType(getNamedType(field.type));
      if (listOfObjects && field.extensions?.complexity === undefined) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}
