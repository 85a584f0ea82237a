/**
 * Probe execution: the part of the checks that runs INSIDE the runtime, after the learner's
 * program, through runProgram's `afterRun` hook. It seeds rows of its own with the
 * program's models (values drawn from a seed the grader picks, so they cannot be known in
 * advance), calls what the program exported, and turns what came back into plain data.
 * It never decides pass or fail: verdicts are computed from these observations by the
 * page or the grader, outside the learner's realm.
 *
 * The learner's code shares this realm, so everything the probe relies on is captured
 * when this module loads, before any program runs.
 */
import type { JsonValue, SqlStatement } from '../schemas/run-result';
import type { ProbeCall, ProbeObservation, ProbeRequest, ProbeRow, ProbeValue } from '../schemas/exercise';
import type { AppRequest } from '../schemas/app-exchange';

const captured = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  clearTimeout: globalThis.clearTimeout.bind(globalThis),
  isArray: Array.isArray,
  keys: Object.keys,
  hasOwn: Object.prototype.hasOwnProperty,
  call: Function.prototype.call,
  apply: Reflect.apply,
  promiseRace: Promise.race.bind(Promise),
  Promise,
  String,
  Date,
  dateIso: Date.prototype.toISOString,
  isFinite: Number.isFinite,
  getTime: Date.prototype.getTime,
  stringify: JSON.stringify,
  parse: JSON.parse,
  replace: String.prototype.replace,
};

/** What the runtime hands the probes (a structural view of runProgram's ProgramOutcome). */
export interface ProbeOutcome {
  exports: Record<string, unknown>;
  sequelizeInstances: readonly unknown[];
  /** Sends a request to the Express app the program left listening (absent when none listens); `sql` is what the request caused. */
  request?: (request: AppRequest) => Promise<{ status: number; body: string; sql?: SqlStatement[]; error?: string }>;
}

/** A small seeded PRNG (mulberry32): same seed, same values, in the learner's run and the solution's. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string, seed: number): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Hidden data reads like real data (a learner sees it in a failed check), and is varied
// enough (hundreds of names, thousands of titles) that a program cannot guess it.
const FIRST_NAMES = [
  'Ada',
  'Bram',
  'Chioma',
  'Dmitri',
  'Elif',
  'Farah',
  'Goran',
  'Hana',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zara',
  'Aiko',
  'Bruno',
  'Carmen',
  'Dario',
  'Emeka',
  'Freya',
  'Gita',
  'Hugo',
  'Ivana',
  'Jamal',
  'Kirsten',
  'Luis',
  'Maya',
  'Nils',
  'Olga',
];
const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Novak',
  'Haddad',
  'Kowalski',
  'Ferreira',
  'Nakamura',
  'Osei',
  'Petrov',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Takahashi',
  'Urbina',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zhang',
  'Andersen',
  'Bianchi',
  'Castro',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Gallo',
  'Hoang',
  'Ibrahim',
  'Jensen',
];
const TOPICS = [
  'sourdough',
  'Lisbon',
  'night trains',
  'houseplants',
  'chess openings',
  'rainy Sundays',
  'bicycle repair',
  'tide pools',
  'old maps',
  'fermentation',
  'jazz records',
  'mountain huts',
  'paper planes',
  'street food',
  'lighthouses',
  'the night sky',
  'pottery',
  'small gardens',
  'long walks',
  'winter soup',
  'city birds',
  'used bookshops',
  'film cameras',
  'kites',
];
const TITLE_FORMS = [
  (topic: string) => `Notes on ${topic}`,
  (topic: string) => `A week of ${topic}`,
  (topic: string) => `Why I love ${topic}`,
  (topic: string) => `What ${topic} taught me`,
  (topic: string) => `First steps with ${topic}`,
  (topic: string) => `More about ${topic}`,
  (topic: string) => `${topic.charAt(0).toUpperCase()}${topic.slice(1)}, again`,
  (topic: string) => `A short guide to ${topic}`,
];
const WORDS = [
  'amber',
  'basil',
  'cobalt',
  'delta',
  'ember',
  'fjord',
  'garnet',
  'harbor',
  'indigo',
  'juniper',
  'kestrel',
  'lumen',
  'maple',
  'nectar',
  'onyx',
  'pepper',
  'quartz',
  'russet',
  'saffron',
  'tundra',
  'umber',
  'violet',
  'willow',
  'yarrow',
];

function pick<T>(list: readonly T[], next: () => number): T {
  const item = list[Math.floor(next() * list.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** The random value of one attribute of one seeded row: a function of seed, probe, row and attribute only. */
export function randomValue(kind: 'word' | 'title' | 'name' | 'number', seed: number, key: string): string | number {
  const next = random(hash(key, seed));
  switch (kind) {
    case 'word':
      return `${pick(WORDS, next)}-${pick(WORDS, next)}`;
    case 'name':
      return `${pick(FIRST_NAMES, next)} ${pick(LAST_NAMES, next)}`;
    case 'title':
      return pick(TITLE_FORMS, next)(pick(TOPICS, next));
    case 'number':
      return Math.floor(next() * 9000) + 1000;
  }
}

interface RowLike {
  get?: unknown;
  dataValues?: Record<string, unknown>;
  destroy?: unknown;
}

interface ModelLike {
  create(values: Record<string, unknown>): Promise<unknown>;
}

interface SequelizeLike {
  models?: Record<string, unknown>;
}

function own(object: object, key: string): boolean {
  return Reflect.apply(captured.hasOwn, object, [key]) as boolean;
}

function findModel(instances: readonly unknown[], name: string): ModelLike | undefined {
  for (const instance of instances) {
    const models = (instance as SequelizeLike | null)?.models;
    if (models && typeof models === 'object' && own(models, name)) {
      const model = models[name] as ModelLike | undefined;
      if (model && typeof model.create === 'function') return model;
    }
  }
  return undefined;
}

/** Turns whatever the program returned into JSON-safe data; model instances become their data values. */
export function toPlain(value: unknown, depth = 0): JsonValue {
  if (depth > 6) return '[too deep]';
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return captured.isFinite(value) ? value : captured.String(value);
  if (typeof value === 'bigint') return captured.String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (value instanceof captured.Date) {
    return captured.isFinite(Reflect.apply(captured.getTime, value, []) as number) ? (Reflect.apply(captured.dateIso, value, []) as string) : null;
  }
  if (captured.isArray(value)) {
    const out: JsonValue[] = [];
    const length = Math.min(value.length, 500);
    for (let i = 0; i < length; i++) out[i] = toPlain(value[i], depth + 1);
    return out;
  }
  const row = value as RowLike;
  const source = row.dataValues && typeof row.dataValues === 'object' && typeof row.get === 'function' ? row.dataValues : (value as Record<string, unknown>);
  const out: { [key: string]: JsonValue } = {};
  for (const key of captured.keys(source)) out[key] = toPlain(source[key], depth + 1);
  return out;
}

function message(error: unknown): string {
  try {
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      return `${captured.String((error as { name?: unknown }).name ?? 'Error')}: ${(error as { message: string }).message}`;
    }
    return captured.String(error);
  } catch {
    return 'an error that could not be read';
  }
}

type Settled = { status: 'returned'; value: unknown } | { status: 'threw'; error: unknown } | { status: 'timeout' };

/** Calls `run` and settles within `timeoutMs`, whatever it does (throws, never resolves). */
function settle(run: () => unknown, timeoutMs: number): Promise<Settled> {
  return new captured.Promise<Settled>((resolve) => {
    let done = false;
    const finish = (settled: Settled) => {
      if (done) return;
      done = true;
      captured.clearTimeout(timer);
      resolve(settled);
    };
    const timer = captured.setTimeout(() => finish({ status: 'timeout' }), timeoutMs);
    try {
      const result = run();
      captured.Promise.resolve(result).then(
        (value) => finish({ status: 'returned', value }),
        (error: unknown) => finish({ status: 'threw', error }),
      );
    } catch (error) {
      finish({ status: 'threw', error });
    }
  });
}

type RandomKind = Parameters<typeof randomValue>[0];
/** Draws a probe's random values: seeded per key, and never the same value twice in one probe (two posts with one title read as a bug). */
type Draw = (kind: RandomKind, key: string) => string | number;

export function drawer(seed: number): Draw {
  const drawn: Record<string, true> = Object.create(null) as Record<string, true>;
  return (kind, key) => {
    let value = randomValue(kind, seed, key);
    for (let attempt = 1; drawn[`${kind}:${value}`] && attempt < 20; attempt++) value = randomValue(kind, seed, `${key}#${attempt}`);
    drawn[`${kind}:${value}`] = true;
    return value;
  };
}

function resolveValue(value: ProbeValue, rows: Map<string, unknown>, draw: Draw, key: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('random' in value) return draw(value.random, key);
  const row = rows.get(value.ref) as RowLike | undefined;
  const data = row?.dataValues;
  return data && typeof data === 'object' ? data[value.attribute] : undefined;
}

async function seedRow(
  row: ProbeRow,
  outcome: ProbeOutcome,
  rows: Map<string, unknown>,
  draw: Draw,
  probeId: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const model = findModel(outcome.sequelizeInstances, row.model);
  if (!model)
    return `the check’s own test data needs a model named ${row.model}, and the program defines none (a model comes from sequelize.define(), or from the through of a belongsToMany)`;
  const values: Record<string, unknown> = {};
  for (const key of captured.keys(row.values)) {
    const value = row.values[key];
    if (value !== undefined) values[key] = resolveValue(value, rows, draw, `${probeId}/${row.as}/${key}`);
  }
  const settled = await settle(() => model.create(values), timeoutMs);
  if (settled.status === 'returned') {
    rows.set(row.as, settled.value);
    return undefined;
  }
  // The row is the check's, not the learner's: say so, or the learner looks for a create() they never wrote.
  return settled.status === 'timeout'
    ? `the check could not add its own test row to ${row.model}: the insert never finished`
    : `the check could not add its own test row to ${row.model} (your models refused it): ${message(settled.error)}`;
}

async function runOne(request: ProbeRequest, outcome: ProbeOutcome, seed: number): Promise<ProbeObservation> {
  const { spec } = request;
  const rows = new Map<string, unknown>();
  const draw = drawer(seed);
  const seeded: unknown[] = [];
  try {
    for (const row of spec.seed) {
      const problem = await seedRow(row, outcome, rows, draw, request.id, spec.timeoutMs);
      if (problem) return { id: request.id, status: 'unavailable', error: problem };
      seeded.push(rows.get(row.as));
    }
    if ('request' in spec.call) return await callRoute(request.id, spec.call.request, outcome, rows, draw, spec.timeoutMs);
    const args: unknown[] = [];
    for (const name of spec.call.args) args.push(rows.get(name));
    let target: unknown;
    let self: unknown;
    let what: string;
    if ('export' in spec.call) {
      what = `the exported ${spec.call.export}`;
      target = own(outcome.exports, spec.call.export) ? outcome.exports[spec.call.export] : undefined;
      if (target === undefined) return { id: request.id, status: 'unavailable', error: `the program does not export ${spec.call.export}` };
    } else {
      self = rows.get(spec.call.on);
      what = `${spec.call.method}()`;
      try {
        target = (self as Record<string, unknown> | undefined)?.[spec.call.method];
      } catch (error) {
        return { id: request.id, status: 'threw', error: message(error) };
      }
      if (target === undefined)
        return { id: request.id, status: 'unavailable', error: `the instance has no method ${spec.call.method} (is the association defined?)` };
    }
    if (typeof target !== 'function') return { id: request.id, status: 'unavailable', error: `${what} is not a function` };
    const fn = target;
    const settled = await settle(() => captured.apply(fn, self, args), spec.timeoutMs);
    if (settled.status === 'timeout') return { id: request.id, status: 'timeout', error: `${what} did not finish within ${spec.timeoutMs} ms` };
    if (settled.status === 'threw') return { id: request.id, status: 'threw', error: message(settled.error) };
    try {
      return { id: request.id, status: 'returned', value: toPlain(settled.value) };
    } catch (error) {
      return { id: request.id, status: 'threw', error: `its result could not be read: ${message(error)}` };
    }
  } finally {
    // Leave the database as the program left it: the checks read it afterwards.
    for (let i = seeded.length - 1; i >= 0; i--) {
      const row = seeded[i] as RowLike | undefined;
      if (row && typeof row.destroy === 'function') {
        const destroy = row.destroy;
        await settle(() => captured.apply(destroy, row, []), 500);
      }
    }
  }
}

type RouteCall = Extract<ProbeCall, { request: unknown }>['request'];

/** `/users/:writer.id/posts` with the seeded row `writer`'s id. */
function routePath(path: string, rows: Map<string, unknown>): string {
  return Reflect.apply(captured.replace, path, [
    /:(\w+)\.(\w+)/g,
    (_match: string, as: string, attribute: string) => {
      const data = (rows.get(as) as RowLike | undefined)?.dataValues;
      return encodeURIComponent(captured.String(data && typeof data === 'object' ? data[attribute] : undefined));
    },
  ]) as string;
}

/** Sends a request to the program's app: the observation is its status and its body (parsed when JSON). */
async function callRoute(
  id: string,
  route: RouteCall,
  outcome: ProbeOutcome,
  rows: Map<string, unknown>,
  draw: Draw,
  timeoutMs: number,
): Promise<ProbeObservation> {
  const send = outcome.request;
  if (!send) return { id, status: 'unavailable', error: 'no app is listening when the program ends (call app.listen(3000))' };
  const path = routePath(route.path, rows);
  let body: string | undefined;
  if (route.body) {
    const values: Record<string, unknown> = {};
    for (const key of captured.keys(route.body)) values[key] = resolveValue(route.body[key]!, rows, draw, `${id}/body/${key}`);
    body = captured.stringify(values);
  }
  const settled = await settle(() => send({ method: route.method, path, headers: {}, ...(body !== undefined ? { body } : {}) }), timeoutMs);
  const what = `${route.method} ${path}`;
  if (settled.status === 'timeout')
    return { id, status: 'timeout', error: `${what} got no response within ${timeoutMs} ms (a route that never calls res.json()?)` };
  if (settled.status === 'threw') return { id, status: 'threw', error: message(settled.error) };
  const answer = settled.value as { status: number; body: string; sql?: SqlStatement[]; error?: string };
  let parsed: JsonValue;
  try {
    parsed = toPlain(captured.parse(answer.body));
  } catch {
    parsed = answer.body;
  }
  return {
    id,
    status: 'returned',
    value: { status: answer.status, body: parsed },
    ...(answer.sql ? { sql: answer.sql } : {}),
    // The error a route threw (Express answered it with a 500), as a string: it says why.
    ...(typeof answer.error === 'string' ? { error: answer.error } : {}),
  };
}

/**
 * Runs every probe in order against what the program left behind. Never throws: every
 * failure becomes an observation.
 */
export async function runProbes(probes: readonly ProbeRequest[], outcome: ProbeOutcome, seed: number): Promise<ProbeObservation[]> {
  const observations: ProbeObservation[] = [];
  for (const probe of probes) {
    try {
      observations.push(await runOne(probe, outcome, seed));
    } catch (error) {
      observations.push({ id: probe.id, status: 'threw', error: message(error) });
    }
  }
  return observations;
}
