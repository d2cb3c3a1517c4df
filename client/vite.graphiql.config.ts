import { defineConfig } from 'vite';

/**
 * The GraphiQL page for API token holders (`/graphiql`): a build of its own, so that GraphiQL and React
 * never reach the officers' app (its pages, chunks and weight are those of vite.config.ts). Everything it
 * loads is bundled here — scripts, styles, the editor's fonts (inlined by GraphiQL's stylesheet) — and
 * served by the app itself: no CDN, no request leaves the server's origin.
 */
export default defineConfig({
  root: 'graphiql',
  base: '/graphiql/',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: '../dist-graphiql',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // React libraries mark their modules "use client" (for server components); in a browser bundle it means nothing.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
