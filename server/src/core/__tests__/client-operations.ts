import fs from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

const CLIENT_SRC = path.resolve(__dirname, '../../../../client/src');

function graphqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(full);
    return entry.name.endsWith('.graphql') ? [full] : [];
  });
}

/** Every operation the client sends, each as a document with the fragments it may use. */
export function clientOperations(): Array<{ name: string; document: DocumentNode }> {
  const definitions = graphqlFiles(CLIENT_SRC).flatMap((file) => parse(fs.readFileSync(file, 'utf8')).definitions);
  const fragments = definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ name: op.name!.value, document: { kind: Kind.DOCUMENT, definitions: [op, ...fragments] } }));
}

/** A value of the type, as large as the client may send where size matters (Int 200: the largest page). */
function sample(schema: GraphQLSchema, type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sample(schema, inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(schema, f.type)]),
    );
  }
  const scalar = getNamedType(inner).name;
  return { Int: 200, Float: 1, Boolean: true, Money: '1.00', DateTime: '2024-05-02T03:00:00.000Z' }[scalar] ?? '10';
}

/**
 * Variables for an operation: every required one, plus a province for the LAO lists (the client always
 * names one) and no district (the larger list).
 */
export function sampleVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const op = document.definitions[0] as OperationDefinitionNode;
  const variables: Record<string, unknown> = {};
  for (const v of op.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    if (name === 'provinceCode') variables[name] = '30';
    else if (v.type.kind === Kind.NON_NULL_TYPE) variables[name] = sample(schema, typeFromAST(schema, v.type) as GraphQLInputType);
  }
  return variables;
}
