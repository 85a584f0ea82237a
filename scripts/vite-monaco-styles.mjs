/**
 * Vite plugin: Monaco's CSS travels inside Monaco's JavaScript chunk and is injected when
 * Monaco loads, instead of being extracted into stylesheets.
 *
 * Why: Astro links the CSS of every dynamically imported module into the page's <head>,
 * so the editor's ~150 KB of CSS (loaded lazily as JavaScript) would block the first paint
 * of every lesson. Only CSS imported from inside monaco-editor is handled; relative url()s
 * (the codicon font) become asset imports so they still resolve.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFIX = '\0monaco-style:';
const INJECT = fileURLToPath(new URL('../src/editor/inject-style.ts', import.meta.url));
const MONACO = /[\\/]node_modules[\\/]monaco-editor[\\/]/;

/** Splits CSS around relative url()s: JS that imports each asset and rebuilds the text. */
function cssToModule(file) {
  const css = readFileSync(file, 'utf8');
  const imports = [];
  const parts = [];
  let last = 0;
  for (const match of css.matchAll(/url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/g)) {
    const name = `asset${imports.length}`;
    imports.push(`import ${name} from ${JSON.stringify(`${resolve(dirname(file), match[2])}?url`)};`);
    parts.push(JSON.stringify(css.slice(last, match.index)), `'url("' + ${name} + '")'`);
    last = match.index + match[0].length;
  }
  parts.push(JSON.stringify(css.slice(last)));
  return [
    ...imports,
    `import { injectStyle } from ${JSON.stringify(INJECT)};`,
    `injectStyle(${JSON.stringify(file.slice(file.lastIndexOf('monaco-editor')))}, ${parts.join(' + ')});`,
  ].join('\n');
}

/** @returns {import('vite').Plugin} */
export function monacoStylesInJs() {
  return {
    name: 'assoclab-monaco-styles-in-js',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.css') || !importer || !MONACO.test(importer)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      // The id must not end in .css, or Vite's own CSS pipeline would take it.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? cssToModule(id.slice(PREFIX.length, -'.js'.length)) : null;
    },
  };
}
