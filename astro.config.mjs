// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { browserRuntime } from './scripts/vite-browser-runtime.mjs';
import { monacoStylesInJs } from './scripts/vite-monaco-styles.mjs';
import { prebuiltMonacoWorkers } from './scripts/vite-monaco-workers.mjs';
import { shikiNoTimeLimit } from './scripts/shiki-no-time-limit.mjs';
import { courseChecks } from './src/course/integration';
import { rehypeDocLinks } from './src/docs/doc-pages';
import { rehypeScrollableTables } from './src/docs/scrollable-tables';

// https://astro.build/config
export default defineConfig({
  site: 'https://associations-lab.example',
  trailingSlash: 'ignore',
  // courseChecks first: a misplaced exercise stops the build before anything is bundled.
  integrations: [courseChecks(), mdx()],
  build: {
    // The site's own CSS is small: inline it, so a lesson paints without waiting for a stylesheet.
    inlineStylesheets: 'always',
  },
  markdown: {
    // The guides in docs/ are pages too (src/pages/instructors/): their links to each other lead to those pages.
    rehypePlugins: [rehypeDocLinks, rehypeScrollableTables],
    // Static code blocks in lessons: highlighted at build time, both themes in the HTML,
    // switched by CSS on <html data-theme> (src/styles/global.css).
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: 'light',
      transformers: [shikiNoTimeLimit],
    },
  },
  vite: {
    plugins: [prebuiltMonacoWorkers(), monacoStylesInJs()],
    // The runtime worker bundles the real Sequelize: see scripts/vite-browser-runtime.mjs.
    worker: {
      format: 'es',
      plugins: () => [browserRuntime()],
    },
    build: {
      // Monaco and the runtime are large by nature and are loaded lazily.
      chunkSizeWarningLimit: 4096,
      // The bench measures sizes itself; gzipping every large chunk here only slows the build.
      reportCompressedSize: false,
    },
  },
});
