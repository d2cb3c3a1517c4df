import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isListType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { FREE, LIST_WEIGHTS, ROUND_TRIP_COST, SCHEMA_INTROSPECTION_COST } from './limits';

/**
 * What an operation actually cost, counted from its answer with the estimate's weights (limits.ts
 * `costEstimator`): the same unit per value, ROUND_TRIP_COST per root field, a field's own complexity —
 * but each list counted with the items it really holds, where the estimate assumed its expected size.
 * A list that came back as long as expected costs what was estimated; a short page costs less.
 */
export function resultCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  data: Record<string, unknown> | null | undefined,
): number {
  if (!data) return 0;
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const root = operation && (operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType());
  if (!operation || !root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const included = (node: FieldNode | SelectionSetNode['selections'][number]) =>
    !getDirectiveValues(GraphQLSkipDirective, node, variables)?.if &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

  const fieldOf = (type: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> | undefined =>
    name === SchemaMetaFieldDef.name
      ? SchemaMetaFieldDef
      : name === TypeMetaFieldDef.name
        ? TypeMetaFieldDef
        : name === TypeNameMetaFieldDef.name
          ? TypeNameMetaFieldDef
          : type.getFields()[name];

  /** The cost of a selection set over one answered object, fragments included (as the estimate adds them). */
  const selectionCost = (set: SelectionSetNode, type: GraphQLObjectType, value: Record<string, unknown>, seen: Set<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        // A fragment on another object type (a member of a union the object is not) selected nothing here.
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : null;
        if (!on || !isObjectType(on) || on === type) total += selectionCost(selection.selectionSet, type, value, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        total += selectionCost(fragment.selectionSet, type, value, seen);
        seen.delete(fragment.name.value);
      } else {
        const field = fieldOf(type, selection.name.value);
        if (field) total += fieldCost(type, field, selection, value[selection.alias?.value ?? selection.name.value]);
      }
    }
    return total;
  };

  /** What one answered value of a field's type costs below the field: its own selection, if it has one. */
  const childCost = (field: GraphQLField<unknown, unknown>, node: FieldNode, value: unknown): number => {
    const named = getNamedType(field.type);
    if (!node.selectionSet || !isCompositeType(named) || value === null || typeof value !== 'object') return 0;
    // A union or interface (the federation's `_Entity`): the object's own type, as its __typename says.
    const own = isAbstractType(named) ? schema.getType(String((value as { __typename?: unknown }).__typename)) : named;
    if (!own || !isObjectType(own)) return 0;
    return selectionCost(node.selectionSet, own, value as Record<string, unknown>, new Set());
  };

  const fieldCost = (parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, node: FieldNode, value: unknown): number => {
    const own = field.extensions?.complexity as ComplexityEstimator | number | undefined;
    const perRoot = parent === root ? ROUND_TRIP_COST : 0;
    if (field.name === SchemaMetaFieldDef.name) return SCHEMA_INTROSPECTION_COST;
    if (own === FREE) return 0;
    if (isListType(getNullableType(field.type))) {
      const items = Array.isArray(value) ? (value.flat(Infinity) as unknown[]) : [];
      const each = items.reduce<number>((sum, item) => sum + Math.max(1, childCost(field, node, item)), 0);
      const perCall = typeof own === 'function' ? (LIST_WEIGHTS.get(own)?.perCall ?? 0) : 0;
      return perRoot + perCall + 1 + each;
    }
    const child = childCost(field, node, value);
    if (typeof own === 'number') return perRoot + own + child;
    if (typeof own === 'function') {
      // A list's estimator on a field that is not a list: its estimate, as its arguments make it.
      const args = getArgumentValues(field, node, variables);
      return perRoot + (own({ args, childComplexity: child, field, node, type: parent, context: undefined }) ?? 1);
    }
    return perRoot + 1 + child;
  };

  return selectionCost(operation.selectionSet, root, data, new Set());
}
