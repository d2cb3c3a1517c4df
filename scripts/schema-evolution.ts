// Fails when schema.graphql breaks what other systems built on the last released schema
// (docs/api/released-schema.graphql) without deprecating it first. A field, argument, enum value or input
// field may go only after it was released with `@deprecated(reason: "… remove after YYYY-MM-DD …")` and
// that date has passed. `--release` makes the current schema the released one (after a CHANGELOG entry in
// docs/API-CHANGELOG.md). Run by `npm run schema:check`.
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type BreakingChange,
  type GraphQLSchema,
} from 'graphql';

const root = path.resolve(__dirname, '..');
const current = path.join(root, 'schema.graphql');
const released = path.join(root, 'docs/api/released-schema.graphql');

/** "remove after 2027-03-31" (or "removal …") in a deprecation reason: the date it may go. */
const REMOVAL = /remov\w*\D{0,20}(\d{4}-\d{2}-\d{2})/i;

/** The deprecation reason of a schema coordinate (Type.field, Type.field(arg:), Enum.VALUE, Input.field) in `schema`. */
export function deprecationOf(schema: GraphQLSchema, coordinate: string): string | null {
  const [typeName, rest] = coordinate.split('.');
  const type = schema.getType(typeName);
  if (!type || !rest) return null;
  const [member, arg] = rest
    .split(/[()]/)
    .filter(Boolean)
    .map((s) => s.replace(/:$/, ''));
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return null;
    return arg ? (field.args.find((a) => a.name === arg)?.deprecationReason ?? null) : (field.deprecationReason ?? null);
  }
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason ?? null;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason ?? null;
  return null;
}

/** The coordinate a breaking change names ("Query.laos was removed." → Query.laos; "arg x was removed from Query.y" → Query.y(x:)). */
export function coordinateOf(change: BreakingChange): string | null {
  const arg =
    /^(\w+\.\w+) arg (\w+) /.exec(change.description) ?? /^(?:Arg|arg) (\w+) was removed from (\w+\.\w+)/.exec(change.description);
  if (arg)
    return change.description.startsWith('arg') || change.description.startsWith('Arg') ? `${arg[2]}(${arg[1]}:)` : `${arg[1]}(${arg[2]}:)`;
  const member = /^(\w+\.\w+) /.exec(change.description) ?? /^(\w+) was removed from enum type (\w+)/.exec(change.description);
  if (!member) return null;
  return member.length === 3 ? `${member[2]}.${member[1]}` : member[1];
}

/** The breaking changes from `before` to `after` that no passed, announced removal allows, as messages. */
export function unannouncedBreaks(before: GraphQLSchema, after: GraphQLSchema, today: string): string[] {
  return findBreakingChanges(before, after).flatMap((change) => {
    // A built-in scalar no longer used is not a change of ours.
    if (change.description.startsWith('Standard scalar')) return [];
    const coordinate = coordinateOf(change);
    const reason = coordinate ? deprecationOf(before, coordinate) : null;
    const date = reason ? REMOVAL.exec(reason)?.[1] : undefined;
    if (date && date <= today) return [];
    const why = !reason
      ? 'deprecate it first, with @deprecated(reason: "… remove after YYYY-MM-DD"), and release that'
      : !date
        ? `its deprecation ("${reason}") names no removal date ("remove after YYYY-MM-DD")`
        : `its removal date ${date} has not come`;
    return [`${change.type}: ${change.description} — ${why}`];
  });
}

function main() {
  if (process.argv.includes('--release')) {
    fs.copyFileSync(current, released);
    console.log('schema evolution: schema.graphql is now the released schema (say what changed in docs/API-CHANGELOG.md)');
    return;
  }
  const problems = unannouncedBreaks(
    buildSchema(fs.readFileSync(released, 'utf8')),
    buildSchema(fs.readFileSync(current, 'utf8')),
    new Date().toISOString().slice(0, 10),
  );
  if (problems.length) {
    console.error(
      `schema evolution: ${problems.length} breaking change(s) against docs/api/released-schema.graphql:\n${problems.join('\n')}`,
    );
    process.exit(1);
  }
  console.log('schema evolution: no unannounced breaking change against the released schema');
}

if (require.main === module) main();
