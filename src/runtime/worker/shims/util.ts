/**
 * The slice of Node's `util` that Sequelize and its dependencies call in the browser:
 * format, formatWithOptions and inspect (node-inspect-extracted: Node's own code, so output
 * matches the Node host), promisify, deprecate, inherits. Smaller than the browserify `util`
 * package and without timer-based polyfills. No isDeepStrictEqual: nothing bundled in the
 * worker calls it, and programs cannot import `util` (only 'sequelize' and 'express'), so a
 * dependency for it would be dead weight. deprecate() is silent: the runtime shows
 * Sequelize's deprecations itself (core/sequelize-module.ts).
 */
import { format, formatWithOptions, inspect } from 'node-inspect-extracted';

export { format, formatWithOptions, inspect };

type NodeCallback = (error: unknown, value?: unknown) => void;

export function promisify(fn: (...args: unknown[]) => void): (...args: unknown[]) => Promise<unknown> {
  return function (this: unknown, ...args: unknown[]) {
    return new Promise((resolve, reject) => {
      const callback: NodeCallback = (error, value) => (error ? reject(error) : resolve(value));
      fn.call(this, ...args, callback);
    });
  };
}

export function deprecate<T extends (...args: never[]) => unknown>(fn: T): T {
  return fn;
}

export function inherits(child: { prototype: object; super_?: unknown }, parent: { prototype: object }): void {
  child.super_ = parent;
  Object.setPrototypeOf(child.prototype, parent.prototype);
}

export const types = {
  isDate: (value: unknown) => value instanceof Date,
  isRegExp: (value: unknown) => value instanceof RegExp,
  isPromise: (value: unknown) => value instanceof Promise,
};

export const TextEncoder = globalThis.TextEncoder;
export const TextDecoder = globalThis.TextDecoder;

export default { format, formatWithOptions, inspect, promisify, deprecate, inherits, types, TextEncoder, TextDecoder };
