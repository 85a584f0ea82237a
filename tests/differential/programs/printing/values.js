// What console.log prints for values of every kind, as util.inspect does.
console.log(Array.from({ length: 30 }, (_, i) => i + 1));
console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']);
console.log({ title: 'A fairly long title here', content: 'Some content here', userId: 1 });
console.log({ a: { b: { c: { d: 1 } } }, e: { f: [] }, g: { h: { i: [] } } });
console.log([new Map([['k', { v: 1 }]]), new Set(['x', 'y']), Buffer.from('hi'), new Date(Date.UTC(2024, 1, 29, 12))]);
console.log([null, undefined, -0, 10n, Symbol('s'), NaN, Infinity]);
// eslint-disable-next-line no-sparse-arrays -- holes are what is printed here
console.log([, 1, , 2]);
console.log(
  function named() {},
  () => {},
  class Thing {},
  async function run() {},
);
console.log('%s has %d posts and %i likes: %o %j', 'Ada', 3.5, 7.9, { a: [1] }, { b: 2 });
console.log(Object.create(null), Object.assign(Object.create(null), { x: 1 }), { 'needs-quotes': true, "it's": "it's" });
console.log('a'.repeat(120));
console.log(['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]);
console.log({ nested: Array.from({ length: 120 }, (_, i) => i) });
