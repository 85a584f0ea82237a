/** The console formatter prints as Node's console.log does. */
import { describe, expect, it } from 'vitest';
import { formatConsoleArgs, inspect } from './inspect';

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

describe('inspect', () => {
  it.each<[string, unknown, string]>([
    ['a nested string', ['a'], "[ 'a' ]"],
    ['a string with a quote', ["it's"], '[ "it\'s" ]'],
    ['numbers', [1, -0, 1.5, NaN], '[ 1, -0, 1.5, NaN ]'],
    ['bigint and symbol', [10n, Symbol('s')], '[ 10n, Symbol(s) ]'],
    ['null and undefined', [null, undefined], '[ null, undefined ]'],
    ['an empty object and array', [{}, []], '[ {}, [] ]'],
    ['an object', { a: 1, 'b-c': 'x' }, "{ a: 1, 'b-c': 'x' }"],
    ['a class instance', new Point(1, 2), 'Point { x: 1, y: 2 }'],
    ['depth past 2', { a: { b: { c: { d: 1 } } } }, '{ a: { b: { c: [Object] } } }'],
    ['a function', function named() {}, '[Function: named]'],
    ['a class', Point, '[class Point]'],
    ['a date', new Date('2024-01-02T03:04:05.000Z'), '2024-01-02T03:04:05.000Z'],
    ['a map', new Map([['k', 1]]), "Map(1) { 'k' => 1 }"],
    ['a set', new Set([1, 2]), 'Set(2) { 1, 2 }'],
    ['a buffer', Buffer.from('hi'), '<Buffer 68 69>'],
    ['a promise', Promise.resolve(1), 'Promise { <pending> }'],
    // eslint-disable-next-line no-sparse-arrays -- a sparse array is the case under test
    ['sparse arrays', [1, , 3], '[ 1, <1 empty item>, 3 ]'],
  ])('%s', (_name, value, expected) => {
    expect(inspect(value)).toBe(expected);
  });

  it('breaks long objects over lines, two spaces deep', () => {
    const value = { title: 'A fairly long title here', content: 'Some content that is long enough', userId: 1 };
    expect(inspect(value)).toBe("{\n  title: 'A fairly long title here',\n  content: 'Some content that is long enough',\n  userId: 1\n}");
  });

  it('marks circular references', () => {
    const value: Record<string, unknown> = { name: 'loop' };
    value.self = value;
    expect(inspect(value)).toBe("{ name: 'loop', self: [Circular *1] }");
  });

  it('cuts arrays after 100 items', () => {
    expect(inspect(Array.from({ length: 102 }, () => 0))).toMatch(/\.\.\. 2 more items\n\]$/);
  });

  it('shows objects through a custom view', () => {
    const custom = (value: object) => (value instanceof Point ? { label: 'P', data: { x: value.x } } : undefined);
    expect(inspect([new Point(3, 4)], { custom })).toBe('[ P { x: 3 } ]');
  });
});

describe('formatConsoleArgs', () => {
  it.each<[string, unknown[], string]>([
    ['strings bare, joined by spaces', ['Alice', 'wrote:', 'Hello'], 'Alice wrote: Hello'],
    ['values inspected', ['n =', 1, { a: true }], 'n = 1 { a: true }'],
    ['%s and %d', ['%s has %d posts', 'Alice', 2], 'Alice has 2 posts'],
    ['%j and %o', ['%j %o', { a: 1 }, [1]], '{"a":1} [ 1 ]'],
    ['%% and extra arguments', ['100%% of', 'posts', 3], '100% of posts 3'],
    ['no arguments', [], ''],
  ])('%s', (_name, args, expected) => {
    expect(formatConsoleArgs(args)).toBe(expected);
  });
});
