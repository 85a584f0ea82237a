/**
 * Globals Sequelize expects from Node, installed before it loads: `Buffer` (called as a
 * free global, e.g. Buffer.isBuffer) and a minimal `process` for libraries that probe it.
 * `cwd` is there because path-browserify's resolve() reads it, and Express resolves its
 * 'views' setting when an app is created: the playground's working directory is '/'.
 */
import { Buffer } from 'buffer';

const scope = globalThis as unknown as Record<string, unknown>;
scope.Buffer ??= Buffer;
scope.process ??= { env: {}, argv: [], version: '', versions: {}, platform: 'browser', cwd: () => '/', nextTick: (fn: () => void) => queueMicrotask(fn) };
