/** Node's `assert`, as much as Sequelize uses: assert(condition, message). */
export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function assert(condition: unknown, message?: string | Error): asserts condition {
  if (condition) return;
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? 'The expression evaluated to a falsy value');
}

assert.ok = assert;
assert.AssertionError = AssertionError;
assert.strictEqual = (actual: unknown, expected: unknown, message?: string) =>
  assert(Object.is(actual, expected), message ?? `Expected values to be strictly equal: ${String(actual)} !== ${String(expected)}`);
assert.equal = (actual: unknown, expected: unknown, message?: string) => assert(actual == expected, message ?? `${String(actual)} == ${String(expected)}`);

export default assert;
