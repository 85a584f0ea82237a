console.table([
  { name: 'Ada', posts: 3 },
  { name: 'Alan', posts: 1, admin: true },
]);
console.table({ first: { n: 1 }, second: { n: 2 } });
console.table(['x', 'y']);
console.dir({ a: { b: { c: { d: { e: 1 } } } } }, { depth: 0 });
console.dir({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });
console.group('Group');
console.log('inside');
console.group();
console.log('deeper\nsecond line');
console.groupEnd();
console.groupEnd();
console.log('outside');
console.info('info');
console.debug('debug');
console.warn('a warning', { code: 1 });
console.error('an error');
console.assert(1 === 1, 'not printed');
console.assert(false, 'assertion %s', 'message', 42);
console.assert(false);
console.count();
console.count('x');
console.count();
