/**
 * Each shim the browser worker bundles instead of a Node built-in, compared with Node's
 * own module on the functions the shim exports. Where a shim differs on purpose (a stub,
 * or browser values), the test's name says so and it asserts the documented behaviour.
 * The packages that replaced hand-written shims (path-browserify, semver's functions)
 * are checked here too, so a later swap keeps Node's semantics.
 */
import * as nodeAssert from 'node:assert';
import * as nodeCrypto from 'node:crypto';
import * as nodeDiagnostics from 'node:diagnostics_channel';
import * as nodeHttp from 'node:http';
import * as nodeNet from 'node:net';
import nodePath from 'node:path';
import * as nodeQuerystring from 'node:querystring';
import * as nodeUrl from 'node:url';
import * as nodeUtil from 'node:util';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import browserPath from 'path-browserify';
import realValidator from 'validator';
import { describe, expect, it } from 'vitest';
import { browserRuntime } from '../../../../scripts/vite-browser-runtime.mjs';
import assert, { AssertionError } from './assert';
import * as crypto from './crypto';
import * as diagnostics from './diagnostics-channel';
import unavailable from './empty';
import * as fs from './fs';
import * as http from './http';
import * as net from './net';
import * as processShim from './process';
import * as querystring from './querystring';
import * as url from './url';
import * as util from './util';
import validator from './validator';
import * as zlib from './zlib';

/** What calling `fn` did: its value, or the error's class name (messages are compared separately). */
function outcome(fn: () => unknown): unknown {
  try {
    return { value: fn() };
  } catch (error) {
    return { threw: (error as Error).name };
  }
}

describe('util', () => {
  it.each<[string, unknown[]]>([
    ['%s and %d', ['%s is %d', 'a', 42]],
    ['%i, %f, %j', ['%i %f %j', '42.5', '1.5', { a: 1 }]],
    ['%O', ['%O', { a: 1 }]],
    ['extra arguments', ['a', 'b', 3]],
    ['an object first', [{ a: 1, b: 'x' }]],
    ['an escaped %', ['%%s %s', 'x']],
    ['%c is dropped', ['%c styled', 'color:red']],
    ['an array', [[1, 2, 3]]],
    ['null and undefined', ['x', null, undefined]],
    ['a symbol and a bigint', [Symbol('s'), 10n]],
  ])('format: %s, as Node', (_, args) => {
    expect(util.format(...args)).toBe(nodeUtil.format(...args));
  });

  it('format: %o with the hidden properties, as Node', () => {
    expect(util.format('%o', { a: [1] })).toBe(nodeUtil.format('%o', { a: [1] }));
  });

  it.each<[string, unknown]>([
    ['a number', 1],
    ['negative zero', -0],
    ['NaN', NaN],
    ['a string', 'str'],
    ['an array', [1, 'a']],
    ['a nested object past the default depth', { a: 1, b: { c: { d: { e: 1 } } } }],
    ['null', null],
    ['undefined', undefined],
    ['a date', new Date(0)],
    ['a regexp', /x/g],
    ['a Map', new Map([[1, 2]])],
    ['a Set', new Set([1])],
    ['an anonymous function', () => 1],
    ['a named function', function named() {}],
    ['a class', class A {}],
    ['a symbol', Symbol('s')],
    ['a bigint', 10n],
    ['holes of undefined and null', [undefined, null]],
    ['a key that needs quotes', { 'a-b': 1 }],
    ['a Buffer', Buffer.from('ab')],
    ['a line too long for one row', ['a'.repeat(80)]],
  ])('inspect: %s, as Node', (_, value) => {
    expect(util.inspect(value)).toBe(nodeUtil.inspect(value));
  });

  it('inspect: depth 0, as Node', () => {
    expect(util.inspect({ a: { b: 1 } }, { depth: 0 })).toBe(nodeUtil.inspect({ a: { b: 1 } }, { depth: 0 }));
  });

  it.each<[string, unknown, object]>([
    ['depth null breaks an object nested over 3 levels', { a: { b: { c: { d: {} } } } }, { depth: null }],
    ['an empty null-prototype object', Object.create(null), {}],
    ['more than 6 short array items, grouped in columns', Array.from({ length: 30 }, (_, i) => i + 1), {}],
    ['an object breaking at 72 columns, counting its keys', { title: 'A fairly long title here', content: 'Some content here', userId: 1 }, {}],
    ['an empty array beyond the depth', { a: { b: { c: [] } } }, {}],
    ['an error with own properties', Object.assign(new Error('boom'), { code: 'E_BOOM', errno: 1 }), {}],
    ['an error with no stack frames', Object.assign(new Error('x'), { stack: 'Error: x' }), {}],
  ])('inspect: %s, as Node', (_, value, options) => {
    expect(util.inspect(value, options)).toBe(nodeUtil.inspect(value, options));
  });

  it.each<[string, (callback: (error: unknown, value?: unknown) => void) => void]>([
    ['a value', (callback) => callback(null, 42)],
    ['an error', (callback) => callback(new Error('boom'))],
    ['a later value', (callback) => setTimeout(() => callback(null, 'later'), 1)],
  ])('promisify: a callback with %s settles as with Node', async (_, fn) => {
    const settle = (promise: Promise<unknown>) =>
      promise.then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message }),
      );
    const ours = await settle(util.promisify(fn as (...args: unknown[]) => void)());
    expect(ours).toEqual(await settle(nodeUtil.promisify(fn)()));
  });

  it('promisify: passes arguments and `this` through, as Node', async () => {
    const target = {
      base: 10,
      add(this: { base: number }, x: number, callback: (error: unknown, value: number) => void) {
        callback(null, this.base + x);
      },
    };
    const ours = await util.promisify(target.add as (...args: unknown[]) => void).call(target, 5);
    expect(ours).toBe(await nodeUtil.promisify(target.add).call(target, 5));
  });

  it('inherits: sets super_ and the prototype chain, as Node', () => {
    const make = (inherits: (child: never, parent: never) => void) => {
      function Parent() {}
      Parent.prototype.hello = () => 'hi';
      function Child() {}
      inherits(Child as never, Parent as never);
      return { child: new (Child as unknown as new () => { hello(): string })(), Child, Parent };
    };
    for (const { child, Child, Parent } of [make(util.inherits as never), make(nodeUtil.inherits as never)]) {
      expect(child.hello()).toBe('hi');
      expect(child).toBeInstanceOf(Parent);
      expect((Child as unknown as { super_: unknown }).super_).toBe(Parent);
    }
  });

  it('deprecate: returns the function itself (differs on purpose: the playground prints no deprecation warnings)', () => {
    const fn = (x: number) => x * 2;
    expect(util.deprecate(fn)).toBe(fn);
  });

  it.each<[string, unknown]>([
    ['a date', new Date()],
    ['a regexp', /x/],
    ['a promise', Promise.resolve()],
    ['a plain object', {}],
    ['a string', '2020-01-01'],
  ])('types: %s is classified as by Node', (_, value) => {
    expect(util.types.isDate(value)).toBe(nodeUtil.types.isDate(value));
    expect(util.types.isRegExp(value)).toBe(nodeUtil.types.isRegExp(value));
    expect(util.types.isPromise(value)).toBe(nodeUtil.types.isPromise(value));
  });

  it('TextEncoder and TextDecoder are the platform ones, as Node', () => {
    expect(util.TextEncoder).toBe(nodeUtil.TextEncoder);
    expect(util.TextDecoder).toBe(nodeUtil.TextDecoder);
  });

  it('has no isDeepStrictEqual: nothing bundled calls it and programs cannot import util', () => {
    expect('isDeepStrictEqual' in util).toBe(false);
  });
});

describe('assert', () => {
  it.each<[string, () => void, () => void]>([
    ['assert(true)', () => assert(true), () => nodeAssert.default(true)],
    ['assert(0)', () => assert(0), () => nodeAssert.default(0)],
    ['ok(1)', () => assert.ok(1), () => nodeAssert.ok(1)],
    ["ok('')", () => assert.ok(''), () => nodeAssert.ok('')],
    ['strictEqual(1, 1)', () => assert.strictEqual(1, 1), () => nodeAssert.strictEqual(1, 1)],
    ["strictEqual(1, '1')", () => assert.strictEqual(1, '1'), () => nodeAssert.strictEqual(1, '1')],
    ['strictEqual(NaN, NaN)', () => assert.strictEqual(NaN, NaN), () => nodeAssert.strictEqual(NaN, NaN)],
    ['strictEqual({}, {})', () => assert.strictEqual({}, {}), () => nodeAssert.strictEqual({}, {})],
    ["equal(1, '1')", () => assert.equal(1, '1'), () => nodeAssert.equal(1, '1')],
    ['equal(1, 2)', () => assert.equal(1, 2), () => nodeAssert.equal(1, 2)],
    ['equal(null, undefined)', () => assert.equal(null, undefined), () => nodeAssert.equal(null, undefined)],
  ])('%s passes or throws an AssertionError, as Node', (_, ours, node) => {
    expect(outcome(ours)).toEqual(outcome(node));
  });

  it.each<[string, () => void, () => void]>([
    ['assert', () => assert(false, 'custom'), () => nodeAssert.default(false, 'custom')],
    ['strictEqual', () => assert.strictEqual(1, 2, 'custom'), () => nodeAssert.strictEqual(1, 2, 'custom')],
    ['equal', () => assert.equal(1, 2, 'custom'), () => nodeAssert.equal(1, 2, 'custom')],
  ])('%s: a given message leads the error message, as Node', (_, ours, node) => {
    // Recent Node versions append the compared values to a given message; ours is the message alone.
    expect(ours).toThrow(expect.objectContaining({ name: 'AssertionError', message: 'custom' }));
    expect(node).toThrow(expect.objectContaining({ name: 'AssertionError', message: expect.stringMatching(/^custom/) }));
  });

  it('a given Error is thrown as is, as Node', () => {
    const error = new RangeError('mine');
    expect(() => assert(false, error)).toThrow(error);
    expect(() => nodeAssert.default(false, error)).toThrow(error);
  });

  it('default messages are one line (differs on purpose: Node prints a diff)', () => {
    expect(() => assert.strictEqual(1, 2)).toThrow(new AssertionError('Expected values to be strictly equal: 1 !== 2'));
    expect(() => assert(0)).toThrow('The expression evaluated to a falsy value');
  });
});

describe('url', () => {
  const fields = ['protocol', 'auth', 'hostname', 'host', 'port', 'pathname', 'search', 'query', 'hash', 'path', 'href'] as const;
  const pick = (parts: object) => Object.fromEntries(fields.map((field) => [field, (parts as Record<string, unknown>)[field]]));

  it.each([
    'postgres://user:pass@host:5432/db?ssl=true#x',
    'mysql://localhost/db',
    'sqlite://./db.sqlite',
    'http://example.com',
    'http://example.com/a%20b?x=1&x=2',
    'file:///tmp/a%20b',
    '/users?id=1',
    '/users/1#top',
    '/a b',
    '/search?q=%C3%A9',
  ])('parse(%j), as Node', (href) => {
    expect(pick(url.parse(href))).toEqual(pick(nodeUrl.parse(href)));
  });

  it.each(['postgres://h/db?ssl=true&x=1&x=2', '/users', '/users?id=1'])('parse(%j, true) parses the query, as Node', (href) => {
    const ours = url.parse(href, true);
    const node = nodeUrl.parse(href, true);
    expect({ ...(ours.query as object) }).toEqual({ ...node.query });
    expect(ours.search).toBe(node.search);
  });

  // A scheme with no '//' after it, as Sequelize's connection URLs for SQLite are written.
  it.each([
    'sqlite::memory:',
    'sqlite::memory:?foreign_keys=1#x',
    'sqlite:db.sqlite',
    'SQLITE:DB.sqlite',
    'sqlite:./db.sqlite',
    'sqlite:/tmp/db.sqlite',
    'sqlite:user:pw@host:12/x',
  ])('parse(%j, true), as Node (its legacy parser reads a host there)', (href) => {
    const ours = url.parse(href, true);
    const node = nodeUrl.parse(href, true);
    expect({ ...pick(ours), query: { ...(ours.query as object) } }).toEqual({ ...pick(node), query: { ...node.query } });
  });

  it.each(['file:///tmp/a%20b', 'file:///x/y.js', 'file:///%C3%A9'])('fileURLToPath(%j), as Node', (href) => {
    expect(url.fileURLToPath(href)).toBe(nodeUrl.fileURLToPath(href));
  });

  it('fileURLToPath refuses another scheme, as Node', () => {
    expect(() => url.fileURLToPath('http://x/y')).toThrow(TypeError);
    expect(() => nodeUrl.fileURLToPath('http://x/y')).toThrow(TypeError);
  });

  it('URL and URLSearchParams are the platform ones, as Node', () => {
    expect(url.URL).toBe(nodeUrl.URL);
    expect(url.URLSearchParams).toBe(nodeUrl.URLSearchParams);
  });
});

describe('querystring', () => {
  it.each(['a=1&b=2', 'a=1&a=2&a=3', 'a=%20b', 'a+b=c+d', '', 'a', '=x', 'a=%zz', '&&a=1&', 'a[b]=1', '__proto__=1', 'é=%C3%A9'])(
    'parse(%j), as Node',
    (text) => {
      const ours = querystring.parse(text);
      expect({ ...ours }).toEqual({ ...nodeQuerystring.parse(text) });
      // Node's result has no prototype, so '__proto__' or 'toString' are plain keys.
      expect(Object.getPrototypeOf(ours)).toBe(null);
    },
  );

  it.each<[string, Record<string, unknown>]>([
    ['strings and arrays', { a: '1', b: ['x', 'y'] }],
    ['a space', { s: 'a b' }],
    ['characters left unescaped', { s: "!'()*~-._" }],
    ['numbers, booleans, null, undefined, objects', { n: 1, t: true, z: null, u: undefined, o: {}, inf: Infinity }],
    ['an empty array', { e: [] }],
    ['keys and values to escape', { 'k y': 'é&=' }],
  ])('stringify: %s, as Node', (_, values) => {
    expect(querystring.stringify(values)).toBe(nodeQuerystring.stringify(values as nodeQuerystring.ParsedUrlQueryInput));
  });

  it.each(['a b', 'é', "!'()*", '%'])('escape(%j), as Node', (text) => {
    expect(querystring.escape(text)).toBe(nodeQuerystring.escape(text));
  });

  it.each(['a%20b', '%C3%A9', 'plain'])('unescape(%j), as Node', (text) => {
    expect(querystring.unescape(text)).toBe(nodeQuerystring.unescape(text));
  });

  it('decode and encode are parse and stringify, as Node', () => {
    expect(querystring.default.decode).toBe(querystring.parse);
    expect(querystring.default.encode).toBe(querystring.stringify);
    expect(nodeQuerystring.decode).toBe(nodeQuerystring.parse);
  });
});

describe('net', () => {
  it.each([
    '127.0.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.5',
    '::1',
    '::',
    '2001:db8::',
    '::ffff:1.2.3.4',
    '::ffff:01.2.3.4',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7:8:9',
    '1:2',
    'abc:def',
    ':::',
    'fe80::1%eth0',
    'fe80::1%',
    'x',
    '',
    '[::1]',
    ' 1.2.3.4',
  ])('isIP(%j), isIPv4 and isIPv6, as Node', (value) => {
    expect([net.isIP(value), net.isIPv4(value), net.isIPv6(value)]).toEqual([nodeNet.isIP(value), nodeNet.isIPv4(value), nodeNet.isIPv6(value)]);
  });
});

describe('http', () => {
  it('METHODS, as Node', () => {
    expect(http.METHODS).toEqual(nodeHttp.METHODS);
  });

  it.each(Object.entries(http.STATUS_CODES))('STATUS_CODES[%s] is %j, as Node (a subset, on purpose)', (code, text) => {
    expect(nodeHttp.STATUS_CODES[code]).toBe(text);
  });

  it.each<[string, () => unknown]>([
    ['IncomingMessage is a readable stream', () => new http.IncomingMessage().readable],
    ['ServerResponse is a writable stream', () => new http.ServerResponse().writable],
    ['a Server is an event emitter', () => typeof http.createServer().on],
  ])('%s, as Node', (_, check) => {
    expect(check()).toBeTruthy();
  });

  it('Server.listen throws (differs on purpose: apps join the virtual network through app.listen)', () => {
    expect(() => http.createServer().listen()).toThrow(/app\.listen\(port\)/);
  });

  it('Server.close calls back at once (differs on purpose: there is no socket to close)', () => {
    let closed = false;
    http.createServer().close(() => (closed = true));
    expect(closed).toBe(true);
  });
});

describe('crypto', () => {
  const utf8 = 'héllo wörld';
  it.each<[string, (string | Uint8Array)[], string | undefined]>([
    ['nothing', [], 'hex'],
    ['a string', ['abc'], 'hex'],
    ['UTF-8 text', [utf8], 'base64'],
    ['bytes', [new Uint8Array([0, 1, 2, 255])], 'hex'],
    ['a block-sized input', ['x'.repeat(64)], 'hex'],
    ['a long input', ['y'.repeat(10_000)], 'base64'],
    ['several updates', ['ab', new Uint8Array([99]), 'de'], 'hex'],
    ['no encoding (a Buffer)', ['abc'], undefined],
  ])("createHash('sha1') of %s, as Node", (_, chunks, encoding) => {
    const ours = crypto.createHash('sha1');
    const node = nodeCrypto.createHash('sha1');
    for (const chunk of chunks) {
      ours.update(chunk);
      node.update(chunk);
    }
    const [a, b] = encoding ? [ours.digest(encoding), node.digest(encoding as nodeCrypto.BinaryToTextEncoding)] : [ours.digest(), node.digest()];
    expect(Buffer.from(a as string | Buffer).equals(Buffer.from(b))).toBe(true);
    expect(a).toEqual(b);
  });

  it("update(text, 'latin1') encodes as Node", () => {
    expect(crypto.createHash('SHA1').update('é', 'latin1').digest('hex')).toBe(nodeCrypto.createHash('sha1').update('é', 'latin1').digest('hex'));
  });

  it.each(['md5', 'sha256'])("createHash('%s') throws (differs on purpose: only Express's SHA-1 is bundled)", (algorithm) => {
    expect(() => crypto.createHash(algorithm)).toThrow('is not available in this playground');
  });

  it('randomBytes and randomUUID have the shapes of Node', () => {
    expect(crypto.randomBytes(16)).toHaveLength(nodeCrypto.randomBytes(16).length);
    expect(Buffer.isBuffer(crypto.randomBytes(4))).toBe(true);
    expect(crypto.randomUUID()).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
  });
});

describe('diagnostics_channel', () => {
  it('a channel nobody subscribed to has no subscribers and publishes silently, as Node', () => {
    expect(diagnostics.channel('x').hasSubscribers).toBe(nodeDiagnostics.channel('assoclab-test').hasSubscribers);
    expect(diagnostics.hasSubscribers('x')).toBe(nodeDiagnostics.hasSubscribers('assoclab-test'));
    expect(() => diagnostics.channel('x').publish({})).not.toThrow();
  });

  it('subscribe delivers nothing (differs on purpose: a stub, nobody listens in the playground)', () => {
    const seen: unknown[] = [];
    const channel = diagnostics.channel('x');
    channel.subscribe((message) => seen.push(message));
    channel.publish('message');
    expect(seen).toEqual([]);
    expect(channel.hasSubscribers).toBe(false);
  });
});

describe('fs (a stub: databases live in memory)', () => {
  it.each([
    ['mkdirSync', fs.mkdirSync],
    ['readFileSync', fs.readFileSync],
    ['writeFileSync', fs.writeFileSync],
  ] as const)('%s throws and says why', (name, fn) => {
    expect(fn).toThrow(`fs.${name}() is not available in this playground: databases live in memory.`);
  });

  it('existsSync is false for everything, and promises is empty', () => {
    expect(fs.existsSync()).toBe(false);
    expect(fs.promises).toEqual({});
  });
});

describe('zlib (a stub: compressed request bodies are not supported)', () => {
  it.each([
    ['createGunzip', zlib.createGunzip],
    ['createInflate', zlib.createInflate],
    ['createBrotliDecompress', zlib.createBrotliDecompress],
  ] as const)('%s throws and says why', (_, fn) => {
    expect(fn).toThrow('Compressed request bodies are not supported in this playground.');
  });
});

describe('process (browser values, on purpose)', () => {
  it.each<[string, unknown, unknown]>([
    ['platform', processShim.platform, 'browser'],
    ['browser', processShim.browser, true],
    ['cwd()', processShim.cwd(), '/'],
    ['env', processShim.env, {}],
    ['version', processShim.version, ''],
  ])('%s is %j', (_, value, expected) => {
    expect(value).toEqual(expected);
  });

  it('nextTick calls back later with its arguments, as Node', async () => {
    const calls: unknown[][] = [];
    processShim.nextTick((...args) => calls.push(['ours', ...args]), 1, 'a');
    process.nextTick((...args: unknown[]) => calls.push(['node', ...args]), 1, 'a');
    expect(calls).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toContainEqual(['ours', 1, 'a']);
    expect(calls).toContainEqual(['node', 1, 'a']);
  });
});

describe('validator (the real package, only the validators Sequelize documents)', () => {
  it.each(Object.entries(validator))('%s is the validator package’s own function', (name, fn) => {
    expect(fn).toBe((realValidator as unknown as Record<string, unknown>)[name]);
  });
});

describe('empty (stands in for other dialects)', () => {
  it('throws and says only SQLite is available', () => {
    expect(unavailable).toThrow('only SQLite is');
  });
});

describe('path is path-browserify, with the semantics of Node’s posix path', () => {
  it.each<[string, unknown[]]>([
    ['normalize', ['/a//b/../c/./d']],
    ['normalize', ['a/../../b']],
    ['normalize', ['']],
    ['join', ['a', '', '../b', 'c/']],
    ['join', ['/a', '/b']],
    ['resolve', ['/a/b', './c', '../d']],
    ['resolve', ['/a', '/b']],
    ['resolve', ['views']],
    ['dirname', ['/a/b/c.txt']],
    ['dirname', ['a']],
    ['dirname', ['/']],
    ['basename', ['/a/b/c.txt']],
    ['basename', ['/a/b/c.txt', '.txt']],
    ['basename', ['/a/b/']],
    ['extname', ['index.html']],
    ['extname', ['.bashrc']],
    ['extname', ['a.b.c']],
    ['isAbsolute', ['/a']],
    ['isAbsolute', ['a']],
    ['relative', ['/a/b/c', '/a/d']],
    ['parse', ['/home/u/file.txt']],
    ['format', [{ dir: '/x', name: 'f', ext: '.js' }]],
  ])('%s(%j), as Node', (name, args) => {
    const call = (path: Record<string, unknown>) => outcome(() => (path[name] as (...a: unknown[]) => unknown)(...args));
    expect(call(browserPath as unknown as Record<string, unknown>)).toEqual(call(nodePath.posix as unknown as Record<string, unknown>));
  });

  it('join(null) throws a TypeError, as Node (the old shim skipped it)', () => {
    expect(outcome(() => browserPath.join(null as never))).toEqual(outcome(() => nodePath.posix.join(null as never)));
  });

  it('sep and posix, as Node', () => {
    expect(browserPath.sep).toBe(nodePath.posix.sep);
    expect(browserPath.posix).toBe(browserPath);
  });
});

describe('the Vite plugin that wires the shims', () => {
  const plugin = browserRuntime() as unknown as {
    resolveId(this: unknown, source: string, importer?: string): string | null;
    load(id: string): string | null;
  };
  const resolve = (source: string) => plugin.resolveId.call({}, source);

  it.each(['util', 'node:util', 'assert', 'url', 'fs', 'validator', 'http', 'https', 'crypto', 'net', 'querystring', 'diagnostics_channel', 'zlib', 'process'])(
    '%s resolves to a shim file that exists',
    (name) => {
      const file = resolve(name);
      expect(file).toMatch(/shims[\\/][\w-]+\.ts$/);
      expect(() => readFileSync(file!)).not.toThrow();
    },
  );

  it('semver is the real package, exactly the functions Sequelize’s shared connection manager calls', async () => {
    const id = resolve('semver')!;
    const code = plugin.load(id)!;
    const exported = [...code.matchAll(/as (\w+) \}/g)].map((match) => match[1]).sort();
    const require = createRequire(import.meta.url);
    const manager = readFileSync(require.resolve('sequelize/lib/dialects/abstract/connection-manager'), 'utf8');
    const called = [...new Set([...manager.matchAll(/semver\.(\w+)/g)].map((match) => match[1]))].sort();
    expect(exported).toEqual(called);
    // Each export points at the package's own function file.
    for (const name of exported) expect(code).toContain(require.resolve(`semver/functions/${name}.js`));
  });
});
