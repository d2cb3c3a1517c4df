import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

const api = 'http://localhost:4000';

/**
 * Element Plus per component: `import { ElButton, vLoading } from 'element-plus'` becomes imports of those
 * components' own modules and of their styles, so that a page fetches the code and the CSS of what it
 * shows, not the whole library's, and the library's index does not tie every page to every component.
 */
function elementPlus(): Plugin {
  const componentsDir = fileURLToPath(new URL('../node_modules/element-plus/es/components', import.meta.url));
  const moduleOf = new Map<string, string>();
  for (const folder of fs.readdirSync(componentsDir)) {
    const index = `${componentsDir}/${folder}/index.mjs`;
    if (!fs.existsSync(index)) continue;
    for (const [, names] of fs.readFileSync(index, 'utf8').matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const name of names.split(',').map((n) =>
        n
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      )) {
        if (/^(El|v)[A-Z]/.test(name) && !moduleOf.has(name)) moduleOf.set(name, folder);
      }
    }
  }
  const styleFolder = (name: string) =>
    name
      .replace(/^El|^v/, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase();
  return {
    name: 'element-plus-per-component',
    enforce: 'post',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(vue|ts)$/.test(id.split('?')[0])) return null;
      let changed = false;
      const out = code.replace(/import\s*\{([^}]*)\}\s*from\s*['"]element-plus['"];?/g, (whole, list: string) => {
        const lines: string[] = [];
        for (const spec of list
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)) {
          const [name, local = name] = spec.split(/\s+as\s+/);
          const folder = moduleOf.get(name);
          if (!folder) return whole; // not a component: leave the statement as it was
          const style = styleFolder(name);
          if (fs.existsSync(`${componentsDir}/${style}/style/css.mjs`))
            lines.push(`import 'element-plus/es/components/${style}/style/css';`);
          lines.push(`import { ${name} as ${local} } from 'element-plus/es/components/${folder}/index.mjs';`);
        }
        changed = true;
        return lines.join('\n');
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

/**
 * Imports through an index module (`@/gql/graphql`, lodash) straight from the module that holds each name:
 * pageChunks below assigns modules to chunks by what imports them, and an index that imports everything
 * would put everything in the first chunk.
 */
function directImports(): Plugin {
  const rewrite = (code: string, from: RegExp, target: (name: string, local: string) => string | null) =>
    code.replace(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*${from.source};?`, 'g'), (whole, list: string) => {
      const lines = list
        .split(',')
        .map((spec) => spec.trim())
        .filter(Boolean)
        .map((spec) => {
          const [name, local = name] = spec.split(/\s+as\s+/);
          return target(name, local);
        });
      return lines.every(Boolean) ? lines.join('\n') : whole;
    });
  return {
    name: 'direct-imports',
    enforce: 'post',
    transform(code, id) {
      const path = id.split('?')[0];
      if (!/\.(vue|ts|mjs|js)$/.test(path)) return null;
      let out = rewrite(code, /['"]lodash-(?:es|unified)['"]/, (name, local) => `import ${local} from 'lodash-es/${name}.js';`);
      if (!path.includes('node_modules')) {
        out = rewrite(out, /['"]@\/gql\/graphql['"]/, (name, local) =>
          /(Document|FragmentDoc)$/.test(name) ? `import { ${name} as ${local} } from '@/gql/documents/${name}';` : null,
        );
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Each Element Plus icon as a module of its own: the icons package is one module holding every icon, and a
 * module belongs to one chunk, so every icon any page uses would travel with the sign-in page. Imports of
 * it (ours and Element Plus's own) become imports of `ep-icon:<Name>`, made from that icon's part of it.
 */
function iconsPerModule(): Plugin {
  const source = fs.readFileSync(fileURLToPath(new URL('../node_modules/@element-plus/icons-vue/dist/index.js', import.meta.url)), 'utf8');
  const prefix = '\0ep-icon:';
  const blocks = new Map<string, string>(); // local name (`lock_default`) → its code
  for (const block of source.split(/\n(?=\/\/ src\/components\/)/).slice(1)) {
    const end = /\}\), (\w+_default) = _sfc_main\d*;/.exec(block);
    if (end) blocks.set(end[1], block.slice(0, end.index + end[0].length));
  }
  const exported = new Map<string, string>(); // exported name (`Lock`) → local name
  for (const [, local, name] of source.matchAll(/^\s+(\w+_default) as (\w+),?$/gm)) exported.set(name, local);
  return {
    name: 'icons-per-module',
    enforce: 'post',
    resolveId: (id) => (id.startsWith(prefix) ? id : null),
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const local = exported.get(id.slice(prefix.length))!;
      return `${blocks.get(local)}\nexport default ${local};\n`;
    },
    transform(code, id) {
      if (!/\.(vue|ts|mjs|js)$/.test(id.split('?')[0]) || !code.includes('@element-plus/icons-vue')) return null;
      const out = code.replace(/import\s*\{([^}]*)\}\s*from\s*['"]@element-plus\/icons-vue['"];?/g, (whole, list: string) => {
        const specs = list
          .split(',')
          .map((spec) => spec.trim())
          .filter(Boolean)
          .map((spec) => spec.split(/\s+as\s+/));
        if (!specs.every(([name]) => exported.has(name))) return whole;
        return specs.map(([name, local = name]) => `import ${local} from '${prefix}${name}';`).join('\n');
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * The pages of an officer's usual path, each in one chunk (with its CSS), instead of the dozens of small
 * shared chunks a bundler makes by itself: on a link with a long round trip and six connections per host,
 * every request costs a round trip, whatever its size. `pages` maps a chunk's name to the modules it
 * starts from (none: the app's entry, i.e. the sign-in page); a chunk holds what those import statically
 * and no earlier chunk holds. The other pages are split as the bundler sees fit and take what they share
 * with these pages from them.
 */
function pageChunks(pages: Array<[name: string, files: string[]]>) {
  const chunkOf = new Map<string, string>();
  const plugin: Plugin = {
    name: 'page-chunks',
    buildEnd() {
      chunkOf.clear();
      for (const [name, files] of pages) {
        const stack = files.length
          ? files.map((f) => fileURLToPath(new URL(f, import.meta.url)))
          : [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
        while (stack.length) {
          const id = stack.pop()!;
          if (chunkOf.has(id)) continue;
          chunkOf.set(id, name);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
      }
    },
  };
  const groups = pages.map(([name], i) => ({ name, priority: pages.length - i, test: (id: string) => chunkOf.get(id) === name }));
  return { plugin, groups };
}

const officerPath = pageChunks([
  ['sign-in', []],
  ['home', ['./src/core/app-parts.ts', './src/features/shell/pages/ShellPage.vue', './src/features/shell/pages/HomePage.vue']],
  // The GraphQL client, which an LAO officer's home page shows without (it loads once home shows).
  ['graphql-client', ['./src/core/apollo.ts']],
  ['progress-reports', ['./src/features/progress-reports/pages/ProgressReportsPage.vue']],
  // The report form, which the progress reports page loads beside its list.
  ['progress-report-form', ['./src/features/progress-reports/components/ProgressReportDialog.vue']],
]);

/**
 * Each script and stylesheet also as `.br` and `.gz`, compressed at the highest levels once at build time;
 * the server sends them to browsers that take those encodings (brotli is about a fifth smaller than gzip).
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(options.dir!, name);
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(content, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * A small script in the page's head that asks the server who is signed in (the query of
 * src/core/graphql/Me.graphql, by its trusted-document id, which codegen wrote into its module) as soon
 * as the page arrives, in parallel with the app's code rather than after it; the app (core/auth.ts)
 * reads that answer. A round trip less before the first page shows.
 */
function earlySession(): Plugin {
  return {
    name: 'early-session',
    apply: 'build',
    buildStart() {
      const module = fs.readFileSync(fileURLToPath(new URL('./src/gql/documents/MeDocument.ts', import.meta.url)), 'utf8');
      const id = /"__meta__":\{"hash":"([0-9a-f]{64})"\}/.exec(module)?.[1];
      if (!id) throw new Error('MeDocument has no trusted-document id: run `npm run codegen`');
      const request = {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ operationName: 'Me', variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
      };
      const source = `if (window.eplanSession === undefined) window.eplanSession = fetch('/graphql', ${JSON.stringify(request)});\n`;
      this.emitFile({ type: 'asset', name: 'session.js', source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const script = Object.values(ctx.bundle ?? {}).find((file) => file.type === 'asset' && file.names.includes('session.js'));
        if (!script) return html;
        return html.replace('<script type="module"', `<script async src="/${script.fileName}"></script>\n    <script type="module"`);
      },
    },
  };
}

export default defineConfig({
  // No Options API (data, methods, watch… in components): neither the app nor the Element Plus components it uses
  // have any, and Vue leaves out the code that runs it.
  plugins: [
    vue({ features: { optionsAPI: false } }),
    elementPlus(),
    directImports(),
    iconsPerModule(),
    officerPath.plugin,
    earlySession(),
    precompress(),
  ],
  // Apollo Client's development-only checks and messages go when this is false (its `globalThis.__DEV__ !== false`).
  define: { 'globalThis.__DEV__': 'false' },
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The formats and limits the server judges input by, with its messages: one file for both (server/src/core/field-rules.ts).
      '@rules': fileURLToPath(new URL('../server/src/core/field-rules.ts', import.meta.url)),
      // The little of a colour library that Element Plus uses (src/core/tiny-color.ts).
      '@ctrl/tinycolor': fileURLToPath(new URL('./src/core/tiny-color.ts', import.meta.url)),
      // Element Plus's form validation library, which no form uses (src/core/no-async-validator.ts).
      'async-validator': fileURLToPath(new URL('./src/core/no-async-validator.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': api,
      '/export': api,
      '/healthz': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: officerPath.groups } },
    },
  },
});
