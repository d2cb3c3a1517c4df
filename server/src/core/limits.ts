import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

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
 * How a list field's cost is counted from the answer (result-cost.ts): `perCall` plus one, plus what each
 * item actually answered. Kept for the estimators made here, so the answer is weighed as the estimate was.
 */
export const LIST_WEIGHTS = new WeakMap<ComplexityEstimator, { perCall: number }>();

/**
 * The `complexity` of a list field (`@Field(() => [Lao], { complexity: listOf(350) })`): each expected
 * item costs what its selection costs, so 77 provinces with two fields cost 155, not 3. `perCall` adds
 * what each resolution costs besides (ROUND_TRIP_COST for a field that queries for each parent).
 */
export function listOf(size: ListSize, perCall = 0): ComplexityEstimator {
  const estimator: ComplexityEstimator = ({ args, childComplexity }) =>
    perCall + 1 + (typeof size === 'number' ? size : size(args)) * Math.max(1, childComplexity);
  LIST_WEIGHTS.set(estimator, { perCall });
  return estimator;
}

/** The most items one page of a connection holds (`first`/`last`: 1 to 100). */
export const MAX_PAGE_SIZE = 100;

/**
 * The page sizes of an operation's connections, by the `edges` selections they size (queryCost fills it):
 * the `edges` of a connection have no arguments of their own, so their count comes from the
 * connection's `first` or `last`.
 */
type PageSizes = WeakMap<FieldNode, number>;

/**
 * The `complexity` of a connection's `edges`: as many items as the connection's `first` or `last` asks
 * for (at most MAX_PAGE_SIZE: a larger page is refused by the field itself, with its own message).
 */
export const edgesOfPage: ComplexityEstimator = ({ node, context, childComplexity }) =>
  1 + ((context as { pageSizes?: PageSizes } | undefined)?.pageSizes?.get(node) ?? MAX_PAGE_SIZE) * Math.max(1, childComplexity);
LIST_WEIGHTS.set(edgesOfPage, { perCall: 0 });

/** The `complexity` of a field that costs nothing at all, root or not (`rateLimit`: asking what is left must not spend it). */
export const FREE: ComplexityEstimator = () => 0;

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
    if (own === FREE) return 0;
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
    const context = { pageSizes: pageSizesOf(query, variables ?? {}) };
    return getComplexity({
      schema,
      query,
      operationName: operationName ?? undefined,
      variables,
      context,
      estimators: [costEstimator(schema)],
    });
  } catch (error) {
    if (/^Variable "\$/.test((error as Error).message)) return null;
    // Anything else (e.g. fragments spread into more nodes than the estimator will visit) is too costly to answer.
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The page size of every connection's `edges` in a document: its `first` or `last` (a literal or a
 * variable), clamped to 1–MAX_PAGE_SIZE. A fragment of edges spread into several connections counts
 * with the largest of their sizes.
 */
function pageSizesOf(document: DocumentNode, variables: Record<string, unknown>): PageSizes {
  const sizes: PageSizes = new WeakMap();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const edgesIn = (set: SelectionSetNode | undefined, seen: Set<string>, found: FieldNode[]): FieldNode[] => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === 'edges') found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) edgesIn(selection.selectionSet, seen, found);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        edgesIn(fragments.get(selection.name.value)?.selectionSet, seen, found);
      }
    }
    return found;
  };
  visit(document, {
    Field(field) {
      const sizing = field.arguments?.filter((a) => a.name.value === 'first' || a.name.value === 'last') ?? [];
      if (!sizing.length) return;
      // `first` or `last`, whichever the variables give (the field refuses both, or neither, itself).
      const asked = sizing.map((a) => valueFromASTUntyped(a.value, variables)).filter((v): v is number => Number.isFinite(v));
      const size = asked.length ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(Math.max(...asked)))) : MAX_PAGE_SIZE;
      for (const edges of edgesIn(field.selectionSet, new Set(), [])) sizes.set(edges, Math.max(size, sizes.get(edges) ?? 0));
    },
  });
  return sizes;
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
