/**
 * The fingerprint (./fingerprint.ts) on objects of a test's own: it reports each kind of
 * change a program could make to what the next program shares, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { takeFingerprint } from './fingerprint';

function world() {
  class Model {
    static registry = new Map<string, object>([['User', { name: 'User' }]]);
    greet(): string {
      return 'hi';
    }
  }
  const shared = { Model, settings: { logging: false }, list: [1, 2, 3], tags: new Set(['a']) };
  return { shared, fingerprint: takeFingerprint({ shared }) };
}

describe('takeFingerprint', () => {
  it('finds no change where there is none, and records every object once', () => {
    const { fingerprint } = world();
    expect(fingerprint.changes()).toBeUndefined();
    expect(fingerprint.size).toBeGreaterThan(5);
  });

  it.each([
    ['a method replaced on a prototype', (s: ReturnType<typeof world>['shared']) => void (s.Model.prototype.greet = () => 'pwned')],
    ['a property added', (s: ReturnType<typeof world>['shared']) => void Object.assign(s.settings, { extra: 1 })],
    ['a value changed', (s: ReturnType<typeof world>['shared']) => void (s.settings.logging = true)],
    ['a getter put in place of a value', (s: ReturnType<typeof world>['shared']) => void Object.defineProperty(s.settings, 'logging', { get: () => true })],
    ['a prototype swapped', (s: ReturnType<typeof world>['shared']) => void Object.setPrototypeOf(s.settings, { sneaky: true })],
    ['an object frozen', (s: ReturnType<typeof world>['shared']) => void Object.freeze(s.list)],
    ['an entry added to a Map', (s: ReturnType<typeof world>['shared']) => void s.Model.registry.set('Post', {})],
    ['an entry removed from a Set', (s: ReturnType<typeof world>['shared']) => void s.tags.delete('a')],
    ['an array element replaced', (s: ReturnType<typeof world>['shared']) => void (s.list[1] = 5)],
  ])('reports %s', (_name, change) => {
    const { shared, fingerprint } = world();
    change(shared);
    expect(fingerprint.changes()).toMatch(/shared/);
  });

  it('is not fooled by a program replacing the functions it walks with', () => {
    const { shared, fingerprint } = world();
    const ownKeys = Reflect.ownKeys;
    const forEach = Map.prototype.forEach;
    try {
      Reflect.ownKeys = () => [];
      Map.prototype.forEach = () => undefined;
      shared.Model.registry.set('Post', {});
      expect(fingerprint.changes()).toMatch(/entries changed/);
    } finally {
      Reflect.ownKeys = ownKeys;
      Map.prototype.forEach = forEach;
    }
  });
});
