/**
 * Vite plugin that lets the real Sequelize 6 bundle for a browser worker:
 * - Node built-ins it needs are our small shims (src/runtime/worker/shims);
 * - the SQL dialects other than SQLite, and pg-hstore, are stubbed out (Sequelize
 *   requires every dialect in one switch, which would otherwise pull them all in);
 * - path is path-browserify (Node's posix path, ported);
 * - semver is the real package, but only the three functions Sequelize's shared connection
 *   manager calls (the whole package is ~6 KB gzip more);
 * - wkx and pg-connection-string serve only other dialects: they are stubbed out;
 * - validator is the subset of validators Sequelize documents (the full package is
 *   mostly locale tables);
 * - moment is its CommonJS build (the ESM one lacks `isMoment` on require) and
 *   moment-timezone its data-less build (the zone data is ~730 KB).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const shims = fileURLToPath(new URL('../src/runtime/worker/shims/', import.meta.url));

const SHIMS = {
  util: 'util.ts',
  assert: 'assert.ts',
  url: 'url.ts',
  fs: 'fs.ts',
  validator: 'validator.ts',
  http: 'http.ts',
  https: 'http.ts',
  crypto: 'crypto.ts',
  net: 'net.ts',
  querystring: 'querystring.ts',
  diagnostics_channel: 'diagnostics-channel.ts',
  zlib: 'zlib.ts',
  'process/': 'process.ts',
  process: 'process.ts',
};
// npm packages that stand in for Node built-ins Express's dependencies use.
const PACKAGES = { events: 'events/', stream: 'readable-stream', string_decoder: 'string_decoder/', path: 'path-browserify' };
// Sequelize's abstract connection manager requires semver for coerce/valid/lt (checking a
// server's version, which SQLite never reports); the package's index would bundle all of it.
const SEMVER = '\0assoclab:semver';
const SEMVER_SUBSET = ['coerce', 'valid', 'lt']
  .map((name) => `export { default as ${name} } from ${JSON.stringify(require.resolve(`semver/functions/${name}.js`))};`)
  .join('\n');
// GEOMETRY (wkx) and Postgres URLs (pg-connection-string) have no use on SQLite.
const EMPTY = ['pg-hstore', 'wkx', 'pg-connection-string', 'os', 'tty', 'tls', 'async_hooks', 'child_process', 'cls-hooked'];
const OTHER_DIALECT = /^\.\/dialects\/(mariadb|mssql|mysql|oracle|postgres|db2|snowflake)$/;

/** @returns {import('vite').Plugin} */
export function browserRuntime() {
  return {
    name: 'assoclab-browser-runtime',
    enforce: 'pre',
    resolveId(source, importer) {
      const bare = source.replace(/^node:/, '');
      if (bare in SHIMS) return shims + SHIMS[bare];
      if (bare === 'buffer') return require.resolve('buffer/');
      if (bare in PACKAGES) return this.resolve(PACKAGES[bare], importer, { skipSelf: true });
      if (EMPTY.includes(bare)) return shims + 'empty.ts';
      if (source === 'semver') return SEMVER;
      if (importer && /sequelize[\\/]lib[\\/]sequelize\.js$/.test(importer) && OTHER_DIALECT.test(source)) return shims + 'empty.ts';
      if (source === 'moment') return require.resolve('moment/moment.js');
      if (source === 'moment-timezone') return require.resolve('moment-timezone/moment-timezone.js');
      return null;
    },
    load(id) {
      return id === SEMVER ? SEMVER_SUBSET : null;
    },
  };
}
