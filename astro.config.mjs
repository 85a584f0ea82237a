// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { browserRuntime } from './scripts/vite-browser-runtime.mjs';

// https://astro.build/config
export default defineConfig({
  site: 'https://associations-lab.example',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  vite: {
    // The runtime worker bundles the real Sequelize: see scripts/vite-browser-runtime.mjs.
    worker: {
      format: 'es',
      plugins: () => [browserRuntime()],
    },
    build: {
      // Monaco and the runtime are large by nature and are loaded lazily.
      chunkSizeWarningLimit: 4096,
    },
  },
});
