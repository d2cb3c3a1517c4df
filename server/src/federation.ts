import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import type { AppContext } from './core/context';
import { unauthenticated } from './core/errors';
import { District } from './modules/geography/district.entity';
import { Province } from './modules/geography/province.entity';
import { getReadableLao } from './modules/lao/lao.service';

/** The Federation 2 directives the subgraph uses. */
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n';

/**
 * The API as an Apollo Federation 2 subgraph (FEDERATION=1): Lao, Province and District are entities
 * keyed by their DOPA code, which other NACC subgraphs may extend; `_entities` resolves them through the
 * same scope as `lao(code)` (an LAO only for who may read it; provinces and districts are public
 * reference data, signed in). Resolvers, authorization and the costs of the fields are those of `schema`.
 */
export function asSubgraph(schema: GraphQLSchema): GraphQLSchema {
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  const signedIn = (ctx: AppContext) => {
    if (!ctx.user) throw unauthenticated();
  };
  resolvers.Lao = { ...resolvers.Lao, __resolveReference: (ref: { code: string }, ctx: AppContext) => getReadableLao(ctx, ref.code) };
  resolvers.Province = {
    ...resolvers.Province,
    __resolveReference: (ref: { code: string }, ctx: AppContext) => (
      signedIn(ctx),
      ctx.em.getRepository(Province).findOneBy({ code: ref.code })
    ),
  };
  resolvers.District = {
    ...resolvers.District,
    __resolveReference: (ref: { code: string }, ctx: AppContext) => (
      signedIn(ctx),
      ctx.em.getRepository(District).findOneBy({ code: ref.code })
    ),
  };
  const subgraph = buildSubgraphSchema([{ typeDefs: parse(LINK + printSchemaWithDirectives(schema)), resolvers: resolvers as never }]);
  // Each field keeps what the cost estimate reads from it (core/limits.ts).
  for (const [name, type] of Object.entries(schema.getTypeMap())) {
    const twin = subgraph.getType(name);
    if (!twin || !('getFields' in type) || !('getFields' in twin)) continue;
    const fields = type.getFields();
    for (const [fieldName, field] of Object.entries(twin.getFields())) {
      if (fields[fieldName]) Object.assign(field, { extensions: fields[fieldName].extensions });
    }
  }
  return subgraph;
}
