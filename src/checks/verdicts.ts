/**
 * The verdicts: one small pure function per check kind, from plain data (the run result
 * and the probes' observations) to pass/fail with a message a learner understands. They
 * never touch the runtime, so learner code cannot reach them.
 */
import type { CheckSpec, ProbeCall, ProbeObservation } from '../schemas/exercise';
import type { AssociationInfo, ColumnInfo, JsonValue, ModelInfo, SqlStatement, TableSnapshot } from '../schemas/run-result';
import type { CheckResult, Verdict, VerdictContext } from './types';
import { statementShape } from '../insight/statement-shape';
import { expressErrorPageText, isHtmlPage } from '../schemas/app-exchange';

export { statementShape };

type Spec<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>;

const pass = (message: string): Verdict => ({ passed: true, message });
const fail = (message: string, expected?: string, found?: string): Verdict => ({
  passed: false,
  message,
  ...(expected !== undefined ? { expected } : {}),
  ...(found !== undefined ? { found } : {}),
});
/** A question the run cannot answer yet: not a pass, and not a mistake to fix in this check. */
const notJudged = (message: string, expected?: string, found?: string): Verdict => ({ ...fail(`Not judged: ${message}`, expected, found), notJudged: true });

const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

// ---------------------------------------------------------------------------- model graph

const ASSOCIATION_TYPES = { hasMany: 'HasMany', belongsTo: 'BelongsTo', hasOne: 'HasOne', belongsToMany: 'BelongsToMany' } as const;
type AssociationKind = keyof typeof ASSOCIATION_TYPES;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** How an association reads as a sentence about the data: "User has many Post". */
function relation(kind: AssociationKind, source: string, target: string): string {
  switch (kind) {
    case 'hasMany':
      return `${source} has many ${target}`;
    case 'belongsTo':
      return `${source} belongs to ${target}`;
    case 'hasOne':
      return `${source} has one ${target}`;
    case 'belongsToMany':
      return `${source} belongs to many ${target}`;
  }
}

/** An association described in words and data (never as the code that makes it). */
function describeAssociation(a: Pick<AssociationInfo, 'type' | 'source' | 'target' | 'foreignKey' | 'as' | 'aliased' | 'through'>): string {
  const kind = lowerFirst(a.type) as AssociationKind;
  const details = [`foreign key ${a.foreignKey}`, ...(a.aliased ? [`alias ${a.as}`] : []), ...(a.through ? [`through ${a.through}`] : [])];
  return `${relation(kind, a.source, a.target)} (${details.join(', ')})`;
}

/** The model on the "one" side of a hasMany, hasOne or belongsTo: the one whose key the foreign key copies. */
function oneSide(spec: Spec<'association'>): string {
  return spec.type === 'belongsTo' ? spec.target : spec.source;
}

/** The attribute of the "one" side the foreign key holds (Sequelize's sourceKey or targetKey; the primary key by default). */
function keyOf(a: AssociationInfo): string {
  return (a.type === 'BelongsTo' ? a.targetKey : a.sourceKey) ?? 'id';
}

/**
 * The getter an instance would have, when it can be told from the spec and the models:
 * `post.getUser()`, `user.getPosts()`. Undefined when the plural is not known.
 */
function getterOf(spec: Spec<'association'>, models: readonly ModelInfo[]): string | undefined {
  const instance = lowerFirst(spec.source);
  if (spec.as) return `${instance}.get${capitalise(spec.as)}()`;
  if (spec.type === 'belongsTo' || spec.type === 'hasOne') return `${instance}.get${spec.target}()`;
  // The default plural alias is the target's plural name, which is also its default table name.
  const plural = models.find((model) => model.name === spec.target)?.tableName;
  return plural?.startsWith(spec.target) ? `${instance}.get${plural}()` : undefined;
}

/** What each kind of association means for the data, for a learner who used one kind where another was wanted. */
const KIND_MEANING: Record<AssociationKind, (source: string, target: string) => string> = {
  hasMany: (source, target) => `each ${source} has a list of ${target} (the foreign key is on ${target})`,
  hasOne: (source, target) => `each ${source} has at most one ${target} (the foreign key is on ${target})`,
  belongsTo: (source, target) => `each ${source} points to one ${target} (the foreign key is on ${source})`,
  belongsToMany: (source, target) => `${source} and ${target} are paired through a join table`,
};

function contrast(declared: AssociationKind, spec: Spec<'association'>): string {
  return `With ${declared}, ${KIND_MEANING[declared](spec.source, spec.target)}; with ${spec.type}, ${KIND_MEANING[spec.type](spec.source, spec.target)}.`;
}

/** The associations of the kind a check names, from its source to its target, whatever their key, name or rules. */
function declaredKind(spec: Spec<'association'>, models: readonly ModelInfo[]): AssociationInfo[] {
  const type = ASSOCIATION_TYPES[spec.type];
  return models.flatMap((model) => model.associations).filter((a) => a.type === type && a.source === spec.source && a.target === spec.target);
}

export function judgeAssociation(spec: Spec<'association'>, context: VerdictContext): Verdict {
  const models = context.run.models.models;
  const wanted = [
    relation(spec.type, spec.source, spec.target),
    ...(spec.foreignKey ? [`linked by the column ${spec.foreignKey}`] : []),
    ...(spec.as ? [`under the name ${spec.as}`] : []),
    ...(spec.through ? [`through ${spec.through}`] : []),
    ...(spec.onDelete ? [`ON DELETE ${spec.onDelete}`] : []),
    ...(spec.key ? [`each ${spec.foreignKey ?? 'foreign key'} holding a ${oneSide(spec)}’s ${spec.key}`] : []),
  ].join(', ');
  for (const name of [spec.source, spec.target]) {
    if (!models.some((model) => model.name === name)) {
      return fail(`There is no model named ${name}: the program never defines it.`, `a model named ${name}`, `models: ${list(models.map((m) => m.name))}`);
    }
  }
  const all = models.flatMap((model) => model.associations);
  const candidates = declaredKind(spec, models);
  if (candidates.length === 0) {
    const sameWay = all.filter((a) => a.source === spec.source && a.target === spec.target);
    const between = [...sameWay, ...all.filter((a) => a.source === spec.target && a.target === spec.source)];
    const getter = getterOf(spec, models);
    const consequence = getter ? `${getter} does not exist: ` : '';
    const known = sameWay.length
      ? ` It is declared as another kind: ${list(sameWay.map(describeAssociation))}. ${contrast(lowerFirst(sameWay[0]!.type) as AssociationKind, spec)}`
      : between.length
        ? ` Sequelize only knows the other direction (${list(between.map(describeAssociation))}); each side of a relation is declared on its own model.`
        : '';
    return fail(
      `${consequence}${spec.source} has no ${spec.type} association to ${spec.target}.${known}`,
      wanted,
      between.length ? list(between.map(describeAssociation)) : `no association between ${spec.source} and ${spec.target}`,
    );
  }
  const judged = candidates.map((a) => {
    const wrong: string[] = [];
    if (spec.foreignKey !== undefined && a.foreignKey !== spec.foreignKey) wrong.push(`its foreign key is ${a.foreignKey}, not ${spec.foreignKey}`);
    if (spec.as !== undefined && a.as !== spec.as) wrong.push(`its name (alias) is ${a.as}, not ${spec.as}`);
    if (spec.through !== undefined && a.through !== spec.through)
      wrong.push(
        models.some((model) => model.name === spec.through)
          ? `it goes through ${a.through ?? 'no join model'}, not through the model ${spec.through}`
          : `it goes through ${a.through ?? 'no join model'}, not through a model named ${spec.through} (the program defines no model by that name)`,
      );
    if (spec.onDelete !== undefined && (a.onDelete ?? '') !== spec.onDelete)
      wrong.push(`deleting a ${spec.type === 'belongsTo' ? spec.target : spec.source} does ${a.onDelete ?? 'the default'}, not ${spec.onDelete}`);
    if (spec.key !== undefined && spec.type !== 'belongsToMany' && keyOf(a) !== spec.key)
      wrong.push(
        `each ${a.foreignKey} holds a ${oneSide(spec)}’s ${keyOf(a)}, not its ${spec.key} (Sequelize matches the foreign key against the primary key unless the association names the column it copies: ${
          spec.type === 'belongsTo' ? 'a belongsTo names it as the target’s key' : `a ${spec.type} names it as the source’s key, and ignores a target’s key`
        })`,
      );
    return { association: a, wrong };
  });
  if (judged.some((candidate) => candidate.wrong.length === 0)) return pass(`${relation(spec.type, spec.source, spec.target)}.`);
  // Two relations between the same models (a post's author and its editor): the one the
  // learner meant carries the wanted alias, or else is the one closest to the spec.
  const sameName = (candidate: (typeof judged)[number]) => spec.as !== undefined && candidate.association.as === spec.as;
  const closest = [...judged].sort((a, b) => Number(sameName(b)) - Number(sameName(a)) || a.wrong.length - b.wrong.length)[0]!;
  const problems = closest.wrong;
  return fail(`${relation(spec.type, spec.source, spec.target)}, but ${problems.join(' and ')}.`, wanted, list(candidates.map(describeAssociation)));
}

// ---------------------------------------------------------------------------- database

function findTable(context: VerdictContext, name: string): TableSnapshot | undefined {
  return context.run.database.tables.find((table) => table.name === name);
}

function tableNames(context: VerdictContext): string {
  return list(context.run.database.tables.map((table) => table.name));
}

export function judgeTableExists(spec: Spec<'table-exists'>, context: VerdictContext): Verdict {
  if (findTable(context, spec.table)) return pass(`The table ${spec.table} exists.`);
  return fail(
    `There is no table named ${spec.table}: the database holds ${tableNames(context)}. Tables exist only once the models are synced.`,
    `a table ${spec.table}`,
    `tables: ${tableNames(context)}`,
  );
}

function withColumn(spec: { table: string; column: string }, context: VerdictContext): { verdict: Verdict } | { column: ColumnInfo } {
  const table = findTable(context, spec.table);
  if (!table)
    return {
      verdict: fail(
        `There is no table named ${spec.table}: the database holds ${tableNames(context)}. Tables exist only once the models are synced.`,
        `a table ${spec.table}`,
        `tables: ${tableNames(context)}`,
      ),
    };
  const column = table.columns.find((c) => c.name === spec.column);
  if (!column) {
    return {
      verdict: fail(
        `The table ${spec.table} has no column ${spec.column}.`,
        `a column ${spec.table}.${spec.column}`,
        `columns: ${list(table.columns.map((c) => c.name))}`,
      ),
    };
  }
  return { column };
}

export function judgeColumnExists(spec: Spec<'column-exists'>, context: VerdictContext): Verdict {
  const found = withColumn(spec, context);
  return 'verdict' in found ? found.verdict : pass(`The table ${spec.table} has a column ${spec.column}.`);
}

/** The associations that describe the column of a foreign-key check (a hasMany or hasOne and its belongsTo). */
function sidesOf(spec: Spec<'foreign-key'>, context: VerdictContext): AssociationInfo[] {
  const models = context.run.models.models;
  const tableOf = (model: string) => models.find((candidate) => candidate.name === model)?.tableName;
  return models
    .flatMap((model) => model.associations)
    .filter(
      (a) =>
        a.foreignKey === spec.column &&
        a.type !== 'BelongsToMany' &&
        tableOf(a.type === 'BelongsTo' ? a.source : a.target) === spec.table &&
        tableOf(a.type === 'BelongsTo' ? a.target : a.source) === spec.references.table,
    );
}

/**
 * " Post belongs to Category asks for SET NULL, but ...": when one side of the relation asks
 * for the wanted rule and the other for the rule the column has, the learner changed one side
 * only; the first association to define the column is the one whose rule it keeps.
 */
function sidesDisagree(spec: Spec<'foreign-key'>, columnRule: string, context: VerdictContext): string {
  const sides = sidesOf(spec, context);
  const asking = sides.find((a) => a.ignoredOnDelete === spec.onDelete);
  const keeping = sides.find((a) => a !== asking && a.ignoredOnDelete === undefined);
  if (!asking || !keeping) return '';
  const name = (a: AssociationInfo) => relation(lowerFirst(a.type) as AssociationKind, a.source, a.target);
  return ` ${name(asking)} asks for ${spec.onDelete}, but the column was made by ${name(keeping)}, which asks for ${columnRule.toUpperCase()}: the association that defines the column first sets its rule, so both sides must say the same.`;
}

export function judgeForeignKey(spec: Spec<'foreign-key'>, context: VerdictContext): Verdict {
  const found = withColumn(spec, context);
  if ('verdict' in found) return found.verdict;
  const wanted = `${spec.table}.${spec.column} REFERENCES ${spec.references.table}(${spec.references.column})${spec.onDelete ? ` ON DELETE ${spec.onDelete}` : ''}`;
  const ref = found.column.references;
  if (!ref) {
    return fail(
      `The column ${spec.table}.${spec.column} exists but is not a foreign key: the database does not know it points at ${spec.references.table}. Sequelize adds the constraint only for associations it knows when the tables are created.`,
      wanted,
      `${spec.table}.${spec.column} with no REFERENCES`,
    );
  }
  const foundText = `${spec.table}.${spec.column} REFERENCES ${ref.table}(${ref.column}) ON DELETE ${ref.onDelete}`;
  if (ref.table !== spec.references.table || ref.column !== spec.references.column) {
    return fail(
      `${spec.table}.${spec.column} points at ${ref.table}.${ref.column} instead of ${spec.references.table}.${spec.references.column}.`,
      wanted,
      foundText,
    );
  }
  if (spec.onDelete && ref.onDelete.toUpperCase() !== spec.onDelete) {
    return fail(
      `The foreign key ${spec.table}.${spec.column} has ON DELETE ${ref.onDelete}: deleting a row of ${spec.references.table} does not do ${spec.onDelete} to its rows in ${spec.table}.${sidesDisagree(spec, ref.onDelete, context)}`,
      wanted,
      foundText,
    );
  }
  // The rule is right, but only because of which call came first: the other side asks for
  // another one, and swapping the two calls (or dropping the first) would change what a delete does.
  const stale = spec.onDelete ? sidesOf(spec, context).find((a) => a.ignoredOnDelete !== undefined && a.ignoredOnDelete !== spec.onDelete) : undefined;
  if (spec.onDelete && stale) {
    const name = (a: AssociationInfo) => relation(lowerFirst(a.type) as AssociationKind, a.source, a.target);
    return fail(
      `The foreign key ${spec.table}.${spec.column} has ON DELETE ${spec.onDelete}, but ${name(stale)} still asks for ${stale.ignoredOnDelete}. The column has ${spec.onDelete} only because the other association of the pair was called first and made it: with the two calls the other way round, deleting a row of ${spec.references.table} would do ${stale.ignoredOnDelete}. Both sides must say the same.`,
      `${wanted}, asked for by both associations`,
      `${foundText}; ${name(stale)} asks for ${stale.ignoredOnDelete}`,
    );
  }
  return pass(`${spec.table}.${spec.column} is a foreign key to ${spec.references.table}.${spec.references.column}.`);
}

/** "at most 1 row", "exactly 1 SELECT": a wanted count of one is singular. */
const wantedIsOne = (spec: { min?: number | undefined; max?: number | undefined }): boolean => spec.max === 1 && (spec.min === undefined || spec.min === 1);

export function judgeRowCount(spec: Spec<'row-count'>, context: VerdictContext): Verdict {
  const table = findTable(context, spec.table);
  const wanted =
    spec.min !== undefined && spec.max !== undefined
      ? spec.min === spec.max
        ? `exactly ${spec.min}`
        : `between ${spec.min} and ${spec.max}`
      : spec.min !== undefined
        ? `at least ${spec.min}`
        : `at most ${spec.max ?? 0}`;
  const rowsWanted = `${wanted} row${wantedIsOne(spec) ? '' : 's'}`;
  if (!table) return fail(`There is no table named ${spec.table}.`, `${rowsWanted} in ${spec.table}`, `tables: ${tableNames(context)}`);
  const count = table.rowCount;
  if ((spec.min !== undefined && count < spec.min) || (spec.max !== undefined && count > spec.max)) {
    return fail(
      `${spec.table} holds ${count} row${count === 1 ? '' : 's'}; it should hold ${rowsWanted}.`,
      rowsWanted,
      `${count} row${count === 1 ? '' : 's'}`,
    );
  }
  return pass(`${spec.table} holds ${count} row${count === 1 ? '' : 's'}.`);
}

function sameValue(a: JsonValue | undefined, b: JsonValue): boolean {
  if (a === b) return true;
  // SQLite stores booleans as 0/1.
  if (typeof b === 'boolean' && typeof a === 'number') return a === (b ? 1 : 0);
  return false;
}

export function judgeRowsInclude(spec: Spec<'rows-include'>, context: VerdictContext): Verdict {
  const table = findTable(context, spec.table);
  if (!table) return fail(`There is no table named ${spec.table}.`, `rows in ${spec.table}`, `tables: ${tableNames(context)}`);
  const missing = spec.rows.filter((wanted) => !table.rows.some((row) => Object.entries(wanted).every(([key, value]) => sameValue(row[key], value))));
  if (missing.length) {
    // The rows found, with only the columns the check looks at (timestamps would hide the difference).
    const columns = [...new Set(['id', ...spec.rows.flatMap((row) => Object.keys(row))])];
    const shown = (row: Record<string, JsonValue>) =>
      JSON.stringify(Object.fromEntries(columns.filter((column) => column in row).map((column) => [column, row[column] ?? null])));
    return fail(
      `${spec.table} is missing ${missing.length === 1 ? 'a row' : `${missing.length} rows`} it should hold.${nearMiss(spec.table, missing[0]!, table.rows)}`,
      missing.map((row) => JSON.stringify(row)).join('\n'),
      table.rows.length ? table.rows.slice(0, 10).map(shown).join('\n') : `${spec.table} is empty`,
    );
  }
  return pass(`${spec.table} holds the expected rows.`);
}

/** " A row has title “Tea” but userId null, not 1.": the row that differs from a wanted one in one column only, if any. */
function nearMiss(table: string, wanted: Record<string, JsonValue>, rows: readonly Record<string, JsonValue>[]): string {
  const keys = Object.keys(wanted);
  if (keys.length < 2) return '';
  const misses = rows.flatMap((row) => {
    const differing = keys.filter((key) => !sameValue(row[key], wanted[key] ?? null));
    return differing.length === 1 ? [{ row, key: differing[0]! }] : [];
  });
  // The row the learner meant shares the wanted row's words (its title, its name) and differs
  // in a key or a number: "the post titled X has userId null". A row that shares only a key
  // and differs in its words is another row altogether.
  const describes = (key: string) => typeof wanted[key] === 'string';
  const miss = misses.find((candidate) => !describes(candidate.key)) ?? misses[0];
  if (!miss) return '';
  const same = keys.filter((other) => other !== miss.key).map((other) => `${other} ${JSON.stringify(wanted[other])}`);
  return ` A row of ${table} has ${same.join(' and ')} but ${miss.key} ${JSON.stringify(miss.row[miss.key] ?? null)}, not ${JSON.stringify(wanted[miss.key])}.`;
}

// ---------------------------------------------------------------------------- SQL

const isSelect = (statement: SqlStatement): boolean => /^\s*SELECT\b/i.test(statement.sql);

/** The program's own statements (the run's log is read before any probe runs). */
function userStatements(context: VerdictContext): SqlStatement[] {
  return context.run.sql.filter((statement) => !statement.internal);
}

/** How a probe's call reads to a learner: `GET /users/:id/posts`, `postsOf()`, `getPosts()`. */
function callName(call: ProbeCall): string {
  if ('request' in call)
    // `/users/:writer.id/posts` reads as the route a learner wrote: `/users/:id/posts`.
    return `${call.request.method} ${call.request.path.replace(/:\w+\.(\w+)/g, ':$1')}`;
  return 'export' in call ? `${call.export}()` : `${call.method}()`;
}

/** What a SQL check reads: the program's own statements, or (`during`) those one request probe's request caused. */
type Statements = { statements: SqlStatement[]; who: string; where: string } | { verdict: Verdict };

function statementsOf(spec: { during?: string | undefined }, context: VerdictContext): Statements {
  if (spec.during === undefined) return { statements: userStatements(context), who: 'The program', where: 'the SQL log' };
  const probe = context.checks?.find((check) => check.id === spec.during);
  const request = probe?.kind === 'probe' ? callName(probe.probe.call) : `the request of the check ${spec.during}`;
  const observed = context.observations.get(spec.during);
  if (observed?.status !== 'returned' || !observed.sql)
    return { verdict: notJudged(`${request} got no answer to judge its queries by (see the check about it).`, `an answer to ${request}`, 'no answer') };
  // A route that threw stopped before the queries it was meant to send: none of them is news.
  if (observed.error)
    return {
      verdict: notJudged(
        `${request} failed (its route threw ${observed.error}) before it sent the queries it is meant to. Fix that first (see the check about it).`,
        `an answer to ${request}`,
        'a 500 from a route that threw',
      ),
    };
  return {
    statements: observed.sql.filter((statement) => !statement.internal),
    who: `Answering ${request}`,
    where: 'the SQL that request causes (send it from the Request panel)',
  };
}

export function judgeQueryCount(spec: Spec<'query-count'>, context: VerdictContext): Verdict {
  const read = statementsOf(spec, context);
  if ('verdict' in read) return read.verdict;
  const statements = read.statements.filter((s) => spec.statement === 'any' || isSelect(s));
  const what = spec.statement === 'select' ? 'SELECT' : 'SQL statement';
  const count = statements.length;
  const wanted =
    spec.min !== undefined && spec.max !== undefined
      ? spec.min === spec.max
        ? `exactly ${spec.min}`
        : `${spec.min} to ${spec.max}`
      : spec.min !== undefined
        ? `at least ${spec.min}`
        : `at most ${spec.max ?? 0}`;
  if ((spec.min !== undefined && count < spec.min) || (spec.max !== undefined && count > spec.max)) {
    return fail(
      `${read.who} sent ${count} ${what}${count === 1 ? '' : 's'}; it should send ${wanted}. Look at ${read.where} to see where they come from.`,
      `${wanted} ${what}${wantedIsOne(spec) ? '' : 's'}`,
      statements
        .slice(0, 8)
        .map((s) => s.sql)
        .join('\n') || 'no statements',
    );
  }
  return pass(`${read.who} sent ${count} ${what}${count === 1 ? '' : 's'}.`);
}

/** Table names a statement mentions (quoted with backticks or double quotes, or bare after FROM/JOIN). */
function mentionedTables(sql: string): Set<string> {
  const names = new Set<string>();
  for (const match of sql.matchAll(/\b(?:FROM|JOIN)\s+[`"]?([A-Za-z_][\w]*)[`"]?/gi)) if (match[1]) names.add(match[1]);
  return names;
}

export function judgeJoinUsed(spec: Spec<'join-used'>, context: VerdictContext): Verdict {
  const read = statementsOf(spec, context);
  if ('verdict' in read) return read.verdict;
  const selects = read.statements.filter(isSelect);
  const joined = selects.find((s) => /\bJOIN\b/i.test(s.sql) && spec.tables.every((table) => mentionedTables(s.sql).has(table)));
  const during = spec.during === undefined ? '' : ` while ${lowerFirst(read.who)}`;
  if (joined) return pass(`One SELECT joined ${spec.tables.join(' and ')}${during}.`);
  return fail(
    `No SELECT joined ${spec.tables.join(' and ')}${during}: their rows were read by separate queries, or not at all, never together in one.`,
    `a SELECT ... JOIN over ${spec.tables.join(', ')}`,
    selects.length
      ? selects
          .slice(0, 6)
          .map((s) => s.sql)
          .join('\n')
      : 'no SELECT statements',
  );
}

/**
 * N+1: a SELECT of one shape that ran more than `maxRepeats` times with different values
 * (so a query per row of an earlier result). The same query repeated with the same values
 * is not N+1, only wasteful.
 */
export function judgeNoNPlusOne(spec: Spec<'no-n-plus-one'>, context: VerdictContext): Verdict {
  const read = statementsOf(spec, context);
  if ('verdict' in read) return read.verdict;
  const byShape = new Map<string, { variants: Set<string>; runs: number }>();
  for (const statement of read.statements.filter(isSelect)) {
    const shape = statementShape(statement.sql);
    const seen = byShape.get(shape) ?? { variants: new Set<string>(), runs: 0 };
    seen.variants.add(`${statement.sql}\u0000${JSON.stringify(statement.bind)}`);
    seen.runs += 1;
    byShape.set(shape, seen);
  }
  const repeated = [...byShape.entries()].filter(([, seen]) => seen.variants.size > spec.maxRepeats);
  // " while answering GET /posts" when the check reads a request's SQL.
  const during = spec.during === undefined ? '' : ` while ${lowerFirst(read.who)}`;
  if (repeated.length === 0) return pass(`No query ran once per row${during} (no N+1).`);
  const [shape, { variants, runs }] = repeated[0]!;
  // The count the learner can check against the SQL tab: every run, and how many distinct values among them.
  const values = runs === variants.size ? 'each time with a different value' : `with ${variants.size} different values`;
  return fail(
    `The same SELECT ran ${runs} times${during}, ${values}: one query per row of an earlier result, the N+1 problem.`,
    `each SELECT shape at most ${spec.maxRepeats} time${spec.maxRepeats === 1 ? '' : 's'}`,
    `${runs} × ${shape}`,
  );
}

// ---------------------------------------------------------------------------- console

function printed(context: VerdictContext): string[] {
  return context.run.console.filter((entry) => entry.level === 'log' || entry.level === 'info').flatMap((entry) => entry.text.split('\n'));
}

function preview(lines: readonly string[]): string {
  if (lines.length === 0) return 'nothing was printed';
  return lines.slice(0, 12).join('\n') + (lines.length > 12 ? `\n… (${lines.length - 12} more lines)` : '');
}

export function judgeConsoleContains(spec: Spec<'console-contains'>, context: VerdictContext): Verdict {
  // What the program printed: Sequelize's own warnings are not the program's output.
  const lines = context.run.console.filter((entry) => entry.origin !== 'sequelize').flatMap((entry) => entry.text.split('\n'));
  if (lines.some((line) => line.includes(spec.text))) return pass(`The program printed “${spec.text}”.`);
  return fail(`The program never printed “${spec.text}”.`, spec.text, preview(lines));
}

export function judgeConsoleLines(spec: Spec<'console-lines'>, context: VerdictContext): Verdict {
  const lines = printed(context);
  const same = lines.length === spec.lines.length && lines.every((line, i) => line === spec.lines[i]);
  if (same) return pass('The program printed exactly the expected lines.');
  const firstDiff = spec.lines.findIndex((line, i) => lines[i] !== line);
  const where =
    firstDiff === -1 ? `it printed ${lines.length - spec.lines.length} extra line(s)` : `line ${firstDiff + 1} should be “${spec.lines[firstDiff] ?? ''}”`;
  return fail(`The printed output differs from what is expected: ${where}.`, spec.lines.join('\n'), preview(lines));
}

// ---------------------------------------------------------------------------- run and probes

export function judgeRunsWithoutError(_spec: Spec<'runs-without-error'>, context: VerdictContext): Verdict {
  const error = context.run.error;
  if (context.run.ok && !error) return pass('The program ran to the end without an error.');
  if (error?.kind === 'exit' && context.run.ok)
    return fail('The program called process.exit() and stopped before it finished its work.', 'the program runs to its end', error.message);
  return fail(
    `The program stopped with an error: ${error ? `${error.name}: ${error.message.replace(/[.!]$/, '')}` : 'unknown'}.`,
    'no error',
    error ? `${error.name}: ${error.message}` : 'an error',
  );
}

/**
 * A returned value reduced to what the check compares: projected attributes, sorted when
 * order does not matter. A dotted attribute reaches into nested rows (JSON with included
 * rows): `['name', 'posts.title']` keeps each user's name and the title of each of their
 * posts, and the nested lists are sorted like the outer one.
 */
export function normaliseValue(value: JsonValue | undefined, project: readonly string[] | undefined, order: 'exact' | 'any'): JsonValue {
  const reduce = (item: JsonValue): JsonValue => {
    if (!project || item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const out: { [key: string]: JsonValue } = {};
    const nested = new Map<string, string[]>();
    for (const key of project) {
      const dot = key.indexOf('.');
      if (dot === -1) out[key] = item[key] ?? null;
      else nested.set(key.slice(0, dot), [...(nested.get(key.slice(0, dot)) ?? []), key.slice(dot + 1)]);
    }
    for (const [key, inner] of nested) if (!(key in out)) out[key] = normaliseValue(item[key], inner, order);
    return out;
  };
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map(reduce);
    return order === 'any' ? [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0)) : items;
  }
  return reduce(value);
}

/**
 * What the comparison shows as null but was not there at all: a key the check reads that the
 * value lacks (`posts`), named with the key it has instead when only the case differs
 * (`Posts`, an association's default name). Looks at the value itself, or its first row.
 */
function missingKeysNote(value: JsonValue | undefined, project: readonly string[] | undefined): string {
  const row = Array.isArray(value) ? value.find((item) => item !== null && typeof item === 'object' && !Array.isArray(item)) : value;
  if (!project?.length || row === null || row === undefined || typeof row !== 'object' || Array.isArray(row)) return '';
  const keys = Object.keys(row);
  const notes: string[] = [];
  for (const key of new Set(project.map((path) => path.split('.')[0]!))) {
    if (key in row) continue;
    const instead = keys.find((other) => other.toLowerCase() === key.toLowerCase());
    notes.push(instead ? `“${key}” is missing, but there is “${instead}” (keys are case-sensitive)` : `“${key}” is missing`);
  }
  if (notes.length === 0) return '';
  const keysNote = notes.some((note) => note.includes('there is')) ? '' : ` (its keys: ${keys.slice(0, 8).join(', ') || 'none'})`;
  // Found shows the key as null (the comparison reads every key it checks): say so, or "missing" reads as a contradiction.
  return ` In what came back, ${notes.join('; ')}${keysNote}; Found shows a missing key as null.`;
}

function show(value: JsonValue): string {
  const text = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** A route's answer as a request probe records it. */
function routeAnswer(value: JsonValue | undefined): { status: JsonValue; body: JsonValue } {
  const answer = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return { status: answer.status ?? null, body: answer.body ?? null };
}

/**
 * A response body as the learner should read it: Express's HTML error page by its first
 * line (the error, or "Internal Server Error"), not as escaped markup; a body the check does
 * not compare (an empty projection: the status is what counts) as it came.
 */
function showBody(body: JsonValue, spec: Spec<'probe'>): string {
  if (typeof body === 'string' && isHtmlPage(body)) {
    const first = expressErrorPageText(body);
    return `an HTML error page${first ? ` (“${first}”)` : ''}`;
  }
  return show(spec.project?.length === 0 ? body : normaliseValue(body, spec.project, spec.order));
}

/** A request probe: the status must be the solution's, and the JSON body too (projected and ordered as the check says). */
function judgeRouteAnswer(spec: Spec<'probe'>, call: string, observed: ProbeObservation, reference: JsonValue | undefined): Verdict {
  const expected = routeAnswer(reference);
  const found = routeAnswer(observed.value);
  if (found.status !== expected.status) {
    const thrown = observed.error ? ` The route threw ${observed.error}, and Express answered that with a 500.` : '';
    return fail(
      `${call} answered ${show(found.status)} where the reference app answers ${show(expected.status)}, for data your program did not create.${thrown}`,
      `${show(expected.status)} ${showBody(expected.body, spec)}`,
      `${show(found.status)} ${showBody(found.body, spec)}`,
    );
  }
  const want = normaliseValue(expected.body, spec.project, spec.order);
  const got = normaliseValue(found.body, spec.project, spec.order);
  if (JSON.stringify(want) === JSON.stringify(got)) return pass(`${call} answered with the right status and JSON for data it had never seen.`);
  return fail(`${call} answered with the wrong JSON for data your program did not create.${missingKeysNote(found.body, spec.project)}`, show(want), show(got));
}

/**
 * Why a seeded row has no such method, from the model graph: the method's name differs in
 * case from one it has, or the association to that model is of another kind (getCart from a
 * hasMany, whose methods are plural), or there is no association to that model at all.
 */
function missingMethod(spec: Spec<'probe'>, context: VerdictContext): string | undefined {
  const call = spec.probe.call;
  if (!('method' in call)) return undefined;
  const modelName = spec.probe.seed.find((row) => row.as === call.on)?.model;
  const model = context.run.models.models.find((candidate) => candidate.name === modelName);
  if (!model) return undefined;
  const method = call.method;
  const instance = `a ${model.name} instance`;
  const sameButCase = model.associations.flatMap((a) => a.accessors).find((accessor) => accessor.toLowerCase() === method.toLowerCase());
  if (sameButCase) return `${instance} has ${sameButCase}, not ${method}: method names are case-sensitive`;
  // getCart → Cart; getCarts → Carts; the association's target or alias, singular or plural.
  const named = /^(?:get|set|add|create|remove|has|count)(\w+)$/.exec(method)?.[1];
  if (!named) return undefined;
  const singular = named.replace(/s$/, '');
  const related = model.associations.filter((a) => [a.target, a.as].some((name) => name === named || name.replace(/s$/, '') === singular));
  if (related.length) {
    const a = related[0]!;
    const kind = lowerFirst(a.type) as AssociationKind;
    const plural = kind === 'hasMany' || kind === 'belongsToMany';
    const why = a.aliased
      ? `an association with an alias (as) names its methods after the alias, not after the model`
      : plural
        ? `a ${kind} is a list, so its get and set methods are plural, and a ${method} comes with a hasOne or a belongsTo`
        : `a ${kind} is one row, so its methods are singular, and a ${method} comes with a hasMany or a belongsToMany`;
    return `${instance} has no ${method}. Its association to ${a.target} is ${describeAssociation(a)}, which gives it ${list(a.accessors.slice(0, 4))}…: ${why}`;
  }
  const others = model.associations.length ? `its associations: ${list(model.associations.map(describeAssociation))}` : 'it has no associations';
  return `${instance} has no ${method}: no association of ${model.name} is to a model named ${singular} (${others})`;
}

export function judgeProbe(spec: Spec<'probe'>, context: VerdictContext, id: string): Verdict {
  const probeCall = spec.probe.call;
  const call = callName(probeCall);
  const observed = context.observations.get(id);
  const reference = context.reference?.get(id);
  if (!reference || reference.status !== 'returned') {
    return fail(`This check could not be judged: the reference solution's probe did not return (${reference?.error ?? 'no observation'}). Please report it.`);
  }
  const expected = normaliseValue(reference.value, spec.project, spec.order);
  if (!observed) return fail(`${call} was never called: the program did not get far enough.`, show(expected), 'no call');
  switch (observed.status) {
    case 'unavailable': {
      const why = observed.error?.startsWith('the instance has no method') ? missingMethod(spec, context) : undefined;
      return fail(`Could not call ${call}: ${why ?? observed.error ?? 'it is missing'}.`, show(expected), observed.error ?? 'unavailable');
    }
    case 'timeout':
      if ('request' in probeCall)
        return fail(`${call} got no response: does every way through the route end in res.json()?`, show(expected), observed.error ?? 'no response');
      return fail(`${call} never finished: did you forget to return or await a promise?`, show(expected), observed.error ?? 'no answer');
    case 'threw':
      return fail(`${call} threw an error when called with fresh data: ${observed.error ?? ''}`, show(expected), observed.error ?? 'an error');
    case 'returned': {
      if ('request' in probeCall) return judgeRouteAnswer(spec, call, observed, reference.value);
      const found = normaliseValue(observed.value, spec.project, spec.order);
      if (JSON.stringify(found) === JSON.stringify(expected)) return pass(`${call} returned the right result for data it had never seen.`);
      return fail(
        `${call} returned the wrong result when called with fresh data (not the rows your program created).${missingKeysNote(observed.value, spec.project)}`,
        show(expected),
        show(found),
      );
    }
  }
}

// ---------------------------------------------------------------------------- a program that stopped early

/** Checks that read the SQL of the whole program: when it stopped early, their pass says nothing. */
const READS_WHOLE_RUN: ReadonlySet<CheckSpec['kind']> = new Set(['query-count', 'join-used', 'no-n-plus-one']);
/**
 * Checks that read the rows the program left: when it stopped early, a pass says nothing
 * either (a starter that throws before deleting anything still "keeps" every row).
 */
const READS_FINAL_ROWS: ReadonlySet<CheckSpec['kind']> = new Set(['row-count', 'rows-include']);

/**
 * A program that stopped with an error ran only part of its work: a check that fails may
 * only follow from the error, and one about the queries the whole program sends cannot
 * pass on a part of them (no N+1 in queries never sent is no news), nor one about the rows it
 * leaves (rows it never got to change are still there). The runs-without-error
 * check says what the error was; the others point to it.
 */
export function inLightOfTheStop(spec: CheckSpec, context: VerdictContext, verdict: Verdict): Verdict {
  const error = context.run.error;
  if (!error || spec.kind === 'runs-without-error' || spec.kind === 'probe') return verdict;
  const stop = `the program stopped${error.location ? ` at line ${error.location.line}` : ''} with ${error.name} before it finished`;
  // A join missing from the part that ran is no news either; an N+1 or too many queries seen before the stop are.
  if ((verdict.passed && READS_WHOLE_RUN.has(spec.kind)) || spec.kind === 'join-used')
    return notJudged(`${stop}, so the queries it would send are not known yet. Fix that error first.`);
  if (verdict.passed && READS_FINAL_ROWS.has(spec.kind)) return notJudged(`${stop}, so the rows it would leave are not known yet. Fix that error first.`);
  if (verdict.passed) return verdict;
  // Associations are declared before anything uses them: a missing one is more often the
  // cause of the stop (an accessor that does not exist, an include that cannot join) than its result.
  if (spec.kind === 'association') {
    // Declared, but not as the check wants (another key, name or rule): that can stop a run too
    // (orderId and OrderId for one link are a duplicate column), but it is not "missing".
    const cause = declaredKind(spec, context.run.models.models).length
      ? 'an association declared with another foreign key, name or rule can be what stopped it (two keys for one link, such as orderId and OrderId, make a duplicate column)'
      : 'a missing association can be what stopped it, as accessors and include need it';
    return { ...verdict, message: `${verdict.message} (Also: ${stop}; ${cause}.)` };
  }
  return { ...verdict, message: `${verdict.message} (Also: ${stop}; this may follow from that error, so fix it first.)` };
}

// ---------------------------------------------------------------------------- dispatch

export function judge(spec: CheckSpec, context: VerdictContext): CheckResult {
  let verdict: Verdict;
  try {
    switch (spec.kind) {
      case 'runs-without-error':
        verdict = judgeRunsWithoutError(spec, context);
        break;
      case 'association':
        verdict = judgeAssociation(spec, context);
        break;
      case 'table-exists':
        verdict = judgeTableExists(spec, context);
        break;
      case 'column-exists':
        verdict = judgeColumnExists(spec, context);
        break;
      case 'foreign-key':
        verdict = judgeForeignKey(spec, context);
        break;
      case 'row-count':
        verdict = judgeRowCount(spec, context);
        break;
      case 'rows-include':
        verdict = judgeRowsInclude(spec, context);
        break;
      case 'query-count':
        verdict = judgeQueryCount(spec, context);
        break;
      case 'join-used':
        verdict = judgeJoinUsed(spec, context);
        break;
      case 'no-n-plus-one':
        verdict = judgeNoNPlusOne(spec, context);
        break;
      case 'console-contains':
        verdict = judgeConsoleContains(spec, context);
        break;
      case 'console-lines':
        verdict = judgeConsoleLines(spec, context);
        break;
      case 'probe':
        verdict = judgeProbe(spec, context, spec.id);
        break;
    }
  } catch (error) {
    // Malformed data (from a broken or hostile runtime) fails the check, never the grader.
    verdict = fail(`This check could not read the run's result (${error instanceof Error ? error.message : 'unknown problem'}).`);
  }
  return { id: spec.id, title: spec.title, ...inLightOfTheStop(spec, context, verdict) };
}
