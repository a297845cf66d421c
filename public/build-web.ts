/**
 * Bundles the browser modules (public/src, TypeScript) into public/dist with esbuild:
 * - dist/boot.js: a tiny classic script loaded in <head>, before first paint, that applies the
 *   remembered language, large-text and high-contrast settings (no flash of the wrong mode);
 * - dist/app.js: one ES module for every page (the page is chosen by <body data-page>),
 *   including the socket.io client for live notifications;
 * - dist/charts.js: Apache ECharts and our chart drawing, an ES module that only the statistics
 *   page loads (with import() at run time), so every other page stays as small as it was.
 * No inline script anywhere: the CSP allows scripts from 'self' only.
 *
 * `npm run build:web` (run before `npm start` and `npm test`); `-- --watch` rebuilds on change.
 */
import { build, context, type BuildOptions } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = import.meta.dirname;
const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};
const targets: BuildOptions[] = [
  { ...common, entryPoints: [resolve(root, 'src/boot.ts')], outfile: resolve(root, 'dist/boot.js'), format: 'iife' },
  { ...common, entryPoints: [resolve(root, 'src/app.ts')], outfile: resolve(root, 'dist/app.js'), format: 'esm' },
  { ...common, entryPoints: [resolve(root, 'src/pages/stats/charts.ts')], outfile: resolve(root, 'dist/charts.js'), format: 'esm' },
];

/** Builds the bundles once (also called by the browser tests, so `vitest run` alone is enough). */
export async function buildWeb(): Promise<void> {
  await Promise.all(targets.map((t) => build(t)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--watch')) {
    for (const t of targets) await (await context(t)).watch();
    console.log('watching public/src …');
  } else {
    const started = Date.now();
    await buildWeb();
    console.log(`build:web: public/dist built in ${Date.now() - started} ms`);
  }
}
