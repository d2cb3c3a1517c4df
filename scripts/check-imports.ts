/**
 * `npm run check:imports` (part of `npm run lint`): the import graph of the server keeps its shape.
 *
 * - `core/` uses no feature module (`modules/*`) and no application file above it;
 * - the feature modules import each other without a cycle (a cycle means neither can change alone);
 * - no file imports itself back through others.
 *
 * Counted are the imports that stay in the built JavaScript: `import type` (and imports of types only)
 * vanish when TypeScript compiles, so a context that names the user's type does not make the core
 * depend on the account module at run time. Prints every offending import and exits 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', 'server', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The unit a file belongs to: `core`, `modules/<name>`, or an application file at the top. */
function unitOf(file: string): string {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] === 'modules') return `modules/${parts[1]}`;
  if (parts[0] === 'core') return 'core';
  return parts.length === 1 ? 'app' : parts[0];
}

function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f)) ?? null;
}

/** Whether an import or export statement brings in only types (erased by the compiler). */
function typeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return false; // a side-effect import
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

interface Edge {
  from: string;
  to: string;
}

function runtimeImports(file: string): Edge[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const edges: Edge[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.') || typeOnly(statement)) continue;
    const target = resolveImport(file, specifier.text);
    if (target?.startsWith(ROOT)) edges.push({ from: file, to: target });
  }
  return edges;
}

/** Strongly connected components with more than one member (or a self loop): Tarjan's algorithm. */
function cycles(nodes: string[], next: (n: string) => string[]): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next(v).includes(v)) found.push(component.sort());
    }
  };
  for (const n of nodes) if (!indexOf.has(n)) visit(n);
  return found;
}

const files = sourceFiles(ROOT);
const edges = files.flatMap(runtimeImports);
const rel = (f: string) => path.relative(ROOT, f);
const problems: string[] = [];

for (const e of edges) {
  if (unitOf(e.from) === 'core' && unitOf(e.to) !== 'core') {
    problems.push(`core uses ${unitOf(e.to)}: ${rel(e.from)} → ${rel(e.to)}`);
  }
}

const unitEdges = new Map<string, Map<string, string[]>>();
for (const e of edges) {
  const [a, b] = [unitOf(e.from), unitOf(e.to)];
  if (a === b) continue;
  if (!unitEdges.has(a)) unitEdges.set(a, new Map());
  const targets = unitEdges.get(a)!;
  targets.set(b, [...(targets.get(b) ?? []), `${rel(e.from)} → ${rel(e.to)}`]);
}
for (const component of cycles([...new Set(files.map(unitOf))], (u) => [...(unitEdges.get(u)?.keys() ?? [])])) {
  const members = new Set(component);
  const inside = component.flatMap((u) => [...(unitEdges.get(u) ?? [])].filter(([to]) => members.has(to)).flatMap(([, via]) => via));
  problems.push(`modules in a cycle: ${component.join(', ')}\n    ${inside.join('\n    ')}`);
}

const fileEdges = new Map<string, string[]>();
for (const e of edges) fileEdges.set(e.from, [...(fileEdges.get(e.from) ?? []), e.to]);
for (const component of cycles(files, (f) => fileEdges.get(f) ?? [])) {
  problems.push(`files in a cycle: ${component.map(rel).join(', ')}`);
}

if (problems.length) {
  console.error(`Import graph: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Import graph: ${files.length} files, ${new Set(files.map(unitOf)).size} units, no cycle, core uses no module.`);
