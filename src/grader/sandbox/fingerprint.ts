/**
 * Whether a program changed what the next program in the same worker would share with it.
 *
 * Taken once when the worker is ready (before any program), a fingerprint records every
 * object reachable from its roots (the global object, the runtime's modules: Sequelize,
 * Express, sql.js), walking own properties (values, getters and setters, never calling a
 * getter), prototypes and the entries of Maps and Sets: for each object, its prototype,
 * whether it is extensible, and each own property's descriptor. `changes()` re-reads every
 * recorded object and reports the first difference: a property added, removed or
 * redefined, an intrinsic replaced, a prototype swapped, an object frozen, a new object
 * hung on a shared one. A worker whose fingerprint changed is retired (./worker.ts).
 *
 * The walk uses only functions taken before any program ran, called without looking them
 * up again, so a program that replaces `Reflect.ownKeys` or `Map.prototype.forEach` does not
 * change how it is checked. It never walks into an object it has not recorded: such an
 * object is itself the difference.
 */
import { types } from 'node:util';

const { ownKeys, getPrototypeOf, isExtensible, getOwnPropertyDescriptor, apply } = Reflect;
const { isMap, isSet, isTypedArray, isAnyArrayBuffer, isProxy, isWeakMap, isWeakSet } = types;
const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;
const mapHas = Map.prototype.has;
const arrayPush = Array.prototype.push;
const NativeMap = Map;
const stringOf = String;

type Key = string | symbol;

/** What is recorded of one object. */
interface Shape {
  proto: object | null;
  extensible: boolean;
  /** Own keys, in order, each followed by its descriptor's parts. */
  keys: Key[];
  /** Per key: [value, get, set, flags] (flags: writable|enumerable|configurable bits). */
  slots: unknown[];
  /** Entries of a Map or Set (keys then values, flattened), in order. */
  entries?: unknown[];
}

const isObject = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

function flagsOf(descriptor: PropertyDescriptor): number {
  return (descriptor.writable ? 1 : 0) | (descriptor.enumerable ? 2 : 0) | (descriptor.configurable ? 4 : 0) | ('value' in descriptor ? 8 : 0);
}

function entriesOf(target: object): unknown[] | undefined {
  const entries: unknown[] = [];
  if (isMap(target)) apply(mapForEach, target, [(value: unknown, key: unknown) => apply(arrayPush, entries, [key, value])]);
  else if (isSet(target)) apply(setForEach, target, [(value: unknown) => apply(arrayPush, entries, [value])]);
  else return undefined;
  return entries;
}

/**
 * Own keys of an object, leaving out the elements of typed arrays and array buffers (their
 * bytes are data, and there may be millions of them).
 */
function keysOf(target: object): Key[] {
  if (isTypedArray(target) || isAnyArrayBuffer(target)) return [];
  return ownKeys(target) as Key[];
}

function shapeOf(target: object): Shape {
  const keys = keysOf(target);
  const slots: unknown[] = [];
  for (let index = 0; index < keys.length; index++) {
    const descriptor = getOwnPropertyDescriptor(target, keys[index]!)!;
    apply(arrayPush, slots, [descriptor.value, descriptor.get, descriptor.set, flagsOf(descriptor)]);
  }
  const entries = entriesOf(target);
  return { proto: getPrototypeOf(target), extensible: isExtensible(target), keys, slots, ...(entries ? { entries } : {}) };
}

export interface Fingerprint {
  /** Objects recorded. */
  readonly size: number;
  /** The first difference from the recorded state, in words; undefined when there is none. */
  changes(): string | undefined;
}

/** Names an object for a report (never calling a getter or a program's code). */
function describe(target: object, path: Map<object, string>): string {
  return apply(mapGet, path, [target]) ?? (typeof target === 'function' ? 'a function' : 'an object');
}

function keyName(key: Key): string {
  return typeof key === 'symbol' ? `[${stringOf(key)}]` : key;
}

/**
 * Records everything reachable from `roots` (name -> object). Proxies are recorded but not
 * entered (entering one would run its handler), nor are WeakMaps and WeakSets (their
 * entries cannot be listed).
 */
export function takeFingerprint(roots: Record<string, object>): Fingerprint {
  const shapes = new NativeMap<object, Shape>();
  const path = new NativeMap<object, string>();
  const queue: object[] = [];
  const visit = (value: unknown, name: string) => {
    if (!isObject(value) || apply(mapHas, shapes, [value])) return;
    apply(mapSet, shapes, [value, undefined]);
    apply(mapSet, path, [value, name]);
    apply(arrayPush, queue, [value]);
  };
  for (const name of ownKeys(roots) as string[]) visit(roots[name], name);
  for (let index = 0; index < queue.length; index++) {
    const target = queue[index]!;
    if (isProxy(target) || isWeakMap(target) || isWeakSet(target)) {
      apply(mapSet, shapes, [target, { proto: null, extensible: true, keys: [], slots: [] }]);
      continue;
    }
    const shape = shapeOf(target);
    apply(mapSet, shapes, [target, shape]);
    const name = describe(target, path);
    visit(shape.proto, `${name}.__proto__`);
    for (let key = 0; key < shape.keys.length; key++) {
      const label = `${name}.${keyName(shape.keys[key]!)}`;
      visit(shape.slots[key * 4], label);
      visit(shape.slots[key * 4 + 1], `${label} (getter)`);
      visit(shape.slots[key * 4 + 2], `${label} (setter)`);
    }
    const entries = shape.entries ?? [];
    for (let entry = 0; entry < entries.length; entry++) visit(entries[entry], `${name} (an entry)`);
  }

  const known = (value: unknown) => !isObject(value) || apply(mapHas, shapes, [value]);

  return {
    size: shapes.size,
    changes() {
      let found: string | undefined;
      apply(mapForEach, shapes, [
        (recorded: Shape, target: object) => {
          if (found || isProxy(target) || isWeakMap(target) || isWeakSet(target)) return;
          const name = describe(target, path);
          if (getPrototypeOf(target) !== recorded.proto) return void (found = `${name}: its prototype was replaced`);
          if (isExtensible(target) !== recorded.extensible) return void (found = `${name}: it was frozen or sealed`);
          const keys = keysOf(target);
          if (keys.length !== recorded.keys.length) return void (found = `${name}: a property was added or removed`);
          for (let index = 0; index < keys.length; index++) {
            const key = keys[index]!;
            if (key !== recorded.keys[index]) return void (found = `${name}.${keyName(key)}: a property was added or removed`);
            const descriptor = getOwnPropertyDescriptor(target, key)!;
            const slot = index * 4;
            if (
              descriptor.value !== recorded.slots[slot] &&
              !(descriptor.value !== descriptor.value && recorded.slots[slot] !== recorded.slots[slot]) // NaN stays NaN
            )
              return void (found = `${name}.${keyName(key)}: its value was replaced`);
            if (descriptor.get !== recorded.slots[slot + 1] || descriptor.set !== recorded.slots[slot + 2] || flagsOf(descriptor) !== recorded.slots[slot + 3])
              return void (found = `${name}.${keyName(key)}: it was redefined`);
            if (!known(descriptor.value)) return void (found = `${name}.${keyName(key)}: it holds an object it did not hold before`);
          }
          if (recorded.entries) {
            const entries = entriesOf(target) ?? [];
            if (entries.length !== recorded.entries.length) return void (found = `${name}: its entries changed`);
            for (let index = 0; index < entries.length; index++)
              if (entries[index] !== recorded.entries[index]) return void (found = `${name}: its entries changed`);
          }
        },
      ]);
      return found;
    },
  };
}
