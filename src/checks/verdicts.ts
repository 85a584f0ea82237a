/**
 * The verdicts: one small pure function per check kind, from plain data (the run result
 * and the probes' observations) to pass/fail with a message a learner understands. They
 * never touch the runtime, so learner code cannot reach them.
 */
import type { CheckSpec } from '../schemas/exercise';
import type { AssociationInfo, ColumnInfo, JsonValue, SqlStatement, TableSnapshot } from '../schemas/run-result';
import type { CheckResult, Verdict, VerdictContext } from './types';

type Spec<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>;

const pass = (message: string): Verdict => ({ passed: true, message });
const fail = (message: string, expected?: string, found?: string): Verdict => ({
  passed: false,
  message,
  ...(expected !== undefined ? { expected } : {}),
  ...(found !== undefined ? { found } : {}),
});

const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

// ---------------------------------------------------------------------------- model graph

const ASSOCIATION_TYPES = { hasMany: 'HasMany', belongsTo: 'BelongsTo', hasOne: 'HasOne', belongsToMany: 'BelongsToMany' } as const;

function describeAssociation(a: Pick<AssociationInfo, 'type' | 'source' | 'target' | 'foreignKey' | 'as'>): string {
  const method = a.type.charAt(0).toLowerCase() + a.type.slice(1);
  return `${a.source}.${method}(${a.target}, { foreignKey: '${a.foreignKey}', as: '${a.as}' })`;
}

export function judgeAssociation(spec: Spec<'association'>, context: VerdictContext): Verdict {
  const type = ASSOCIATION_TYPES[spec.type];
  const call = `${spec.source}.${spec.type}(${spec.target}${spec.foreignKey ? `, { foreignKey: '${spec.foreignKey}' }` : ''})`;
  const models = context.run.models.models;
  for (const name of [spec.source, spec.target]) {
    if (!models.some((model) => model.name === name)) {
      return fail(
        `There is no model named ${name}. Define it with sequelize.define('${name}', ...).`,
        `a model named ${name}`,
        `models: ${list(models.map((m) => m.name))}`,
      );
    }
  }
  const all = models.flatMap((model) => model.associations);
  const candidates = all.filter((a) => a.type === type && a.source === spec.source && a.target === spec.target);
  if (candidates.length === 0) {
    const between = all.filter((a) => (a.source === spec.source && a.target === spec.target) || (a.source === spec.target && a.target === spec.source));
    return fail(
      `${spec.source} has no ${spec.type} association to ${spec.target}. Add ${call}.`,
      call,
      between.length ? list(between.map(describeAssociation)) : `no association between ${spec.source} and ${spec.target}`,
    );
  }
  const problems: string[] = [];
  const match = candidates.find((a) => {
    const wrong: string[] = [];
    if (spec.foreignKey !== undefined && a.foreignKey !== spec.foreignKey) wrong.push(`its foreign key is '${a.foreignKey}', not '${spec.foreignKey}'`);
    if (spec.as !== undefined && a.as !== spec.as) wrong.push(`its alias (as) is '${a.as}', not '${spec.as}'`);
    if (spec.through !== undefined && a.through !== spec.through) wrong.push(`its through model is '${a.through ?? 'none'}', not '${spec.through}'`);
    if (spec.onDelete !== undefined && (a.onDelete ?? '') !== spec.onDelete)
      wrong.push(`its onDelete is '${a.onDelete ?? 'the default'}', not '${spec.onDelete}'`);
    if (wrong.length && problems.length === 0) problems.push(...wrong);
    return wrong.length === 0;
  });
  if (match) return pass(`${spec.source} ${spec.type} ${spec.target}.`);
  return fail(`${spec.source}.${spec.type}(${spec.target}) exists, but ${problems.join(' and ')}.`, call, list(candidates.map(describeAssociation)));
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
  return fail(`There is no table named ${spec.table}. Did the program call sequelize.sync()?`, `a table ${spec.table}`, `tables: ${tableNames(context)}`);
}

function withColumn(spec: { table: string; column: string }, context: VerdictContext): { verdict: Verdict } | { column: ColumnInfo } {
  const table = findTable(context, spec.table);
  if (!table)
    return {
      verdict: fail(`There is no table named ${spec.table}. Did the program call sequelize.sync()?`, `a table ${spec.table}`, `tables: ${tableNames(context)}`),
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

export function judgeForeignKey(spec: Spec<'foreign-key'>, context: VerdictContext): Verdict {
  const found = withColumn(spec, context);
  if ('verdict' in found) return found.verdict;
  const wanted = `${spec.table}.${spec.column} REFERENCES ${spec.references.table}(${spec.references.column})${spec.onDelete ? ` ON DELETE ${spec.onDelete}` : ''}`;
  const ref = found.column.references;
  if (!ref) {
    return fail(
      `The column ${spec.table}.${spec.column} exists but is not a foreign key: the database does not know it points at ${spec.references.table}. Sequelize adds the constraint when the association is defined before sync().`,
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
      `The foreign key ${spec.table}.${spec.column} has ON DELETE ${ref.onDelete}; set onDelete: '${spec.onDelete}' on the association.`,
      wanted,
      foundText,
    );
  }
  return pass(`${spec.table}.${spec.column} is a foreign key to ${spec.references.table}.${spec.references.column}.`);
}

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
  if (!table) return fail(`There is no table named ${spec.table}.`, `${wanted} rows in ${spec.table}`, `tables: ${tableNames(context)}`);
  const count = table.rowCount;
  if ((spec.min !== undefined && count < spec.min) || (spec.max !== undefined && count > spec.max)) {
    return fail(`${spec.table} holds ${count} row${count === 1 ? '' : 's'}; it should hold ${wanted}.`, `${wanted} rows`, `${count} rows`);
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
    return fail(
      `${spec.table} is missing ${missing.length === 1 ? 'a row' : `${missing.length} rows`} it should hold.`,
      missing.map((row) => JSON.stringify(row)).join('\n'),
      table.rows.length
        ? table.rows
            .slice(0, 10)
            .map((row) => JSON.stringify(row))
            .join('\n')
        : `${spec.table} is empty`,
    );
  }
  return pass(`${spec.table} holds the expected rows.`);
}

// ---------------------------------------------------------------------------- SQL

const isSelect = (statement: SqlStatement): boolean => /^\s*SELECT\b/i.test(statement.sql);

/** The program's own statements (the run's log is read before any probe runs). */
function userStatements(context: VerdictContext): SqlStatement[] {
  return context.run.sql.filter((statement) => !statement.internal);
}

export function judgeQueryCount(spec: Spec<'query-count'>, context: VerdictContext): Verdict {
  const statements = userStatements(context).filter((s) => spec.statement === 'any' || isSelect(s));
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
      `The program sent ${count} ${what}${count === 1 ? '' : 's'}; it should send ${wanted}. Look at the SQL log to see where they come from.`,
      `${wanted} ${what}s`,
      statements
        .slice(0, 8)
        .map((s) => s.sql)
        .join('\n') || 'no statements',
    );
  }
  return pass(`The program sent ${count} ${what}${count === 1 ? '' : 's'}.`);
}

/** Table names a statement mentions (quoted with backticks or double quotes, or bare after FROM/JOIN). */
function mentionedTables(sql: string): Set<string> {
  const names = new Set<string>();
  for (const match of sql.matchAll(/\b(?:FROM|JOIN)\s+[`"]?([A-Za-z_][\w]*)[`"]?/gi)) if (match[1]) names.add(match[1]);
  return names;
}

export function judgeJoinUsed(spec: Spec<'join-used'>, context: VerdictContext): Verdict {
  const selects = userStatements(context).filter(isSelect);
  const joined = selects.find((s) => /\bJOIN\b/i.test(s.sql) && spec.tables.every((table) => mentionedTables(s.sql).has(table)));
  if (joined) return pass(`One SELECT joined ${spec.tables.join(' and ')}.`);
  return fail(
    `No SELECT joined ${spec.tables.join(' and ')}. Load the associated rows with include: so Sequelize fetches them in the same query.`,
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
 * The shape of a statement: its SQL with every literal (numbers, quoted strings, bind
 * placeholders, IN lists) replaced by `?` and whitespace collapsed.
 */
export function statementShape(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\$\d+/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?')
    .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, '(?)')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * N+1: a SELECT of one shape that ran more than `maxRepeats` times with different values
 * (so a query per row of an earlier result). The same query repeated with the same values
 * is not N+1, only wasteful.
 */
export function judgeNoNPlusOne(spec: Spec<'no-n-plus-one'>, context: VerdictContext): Verdict {
  const byShape = new Map<string, Set<string>>();
  for (const statement of userStatements(context).filter(isSelect)) {
    const shape = statementShape(statement.sql);
    const variants = byShape.get(shape) ?? new Set<string>();
    variants.add(`${statement.sql}\u0000${JSON.stringify(statement.bind)}`);
    byShape.set(shape, variants);
  }
  const repeated = [...byShape.entries()].filter(([, variants]) => variants.size > spec.maxRepeats);
  if (repeated.length === 0) return pass('No query ran once per row (no N+1).');
  const [shape, variants] = repeated[0] ?? ['', new Set<string>()];
  return fail(
    `The same SELECT ran ${variants.size} times with different values: one query per row, the N+1 problem. Fetch the associated rows together with include: instead of inside a loop.`,
    `each SELECT shape at most ${spec.maxRepeats} time${spec.maxRepeats === 1 ? '' : 's'}`,
    `${variants.size} × ${shape}`,
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
  const lines = context.run.console.flatMap((entry) => entry.text.split('\n'));
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
    `The program stopped with an error: ${error ? `${error.name}: ${error.message}` : 'unknown'}.`,
    'no error',
    error ? `${error.name}: ${error.message}` : 'an error',
  );
}

/** A returned value reduced to what the check compares: projected attributes, sorted when order does not matter. */
export function normaliseValue(value: JsonValue | undefined, project: readonly string[] | undefined, order: 'exact' | 'any'): JsonValue {
  const reduce = (item: JsonValue): JsonValue => {
    if (!project || item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const out: { [key: string]: JsonValue } = {};
    for (const key of project) out[key] = item[key] ?? null;
    return out;
  };
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map(reduce);
    return order === 'any' ? [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0)) : items;
  }
  return reduce(value);
}

function show(value: JsonValue): string {
  const text = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export function judgeProbe(spec: Spec<'probe'>, context: VerdictContext, id: string): Verdict {
  const call = 'export' in spec.probe.call ? `${spec.probe.call.export}()` : `${spec.probe.call.method}()`;
  const observed = context.observations.get(id);
  const reference = context.reference?.get(id);
  if (!reference || reference.status !== 'returned') {
    return fail(`This check could not be judged: the reference solution's probe did not return (${reference?.error ?? 'no observation'}). Please report it.`);
  }
  const expected = normaliseValue(reference.value, spec.project, spec.order);
  if (!observed) return fail(`${call} was never called: the program did not get far enough.`, show(expected), 'no call');
  switch (observed.status) {
    case 'unavailable':
      return fail(`Could not call ${call}: ${observed.error ?? 'it is missing'}.`, show(expected), observed.error ?? 'unavailable');
    case 'timeout':
      return fail(`${call} never finished: did you forget to return or await a promise?`, show(expected), observed.error ?? 'no answer');
    case 'threw':
      return fail(`${call} threw an error when called with fresh data: ${observed.error ?? ''}`, show(expected), observed.error ?? 'an error');
    case 'returned': {
      const found = normaliseValue(observed.value, spec.project, spec.order);
      if (JSON.stringify(found) === JSON.stringify(expected)) return pass(`${call} returned the right result for data it had never seen.`);
      return fail(`${call} returned the wrong result when called with fresh data (not the rows your program created).`, show(expected), show(found));
    }
  }
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
  return { id: spec.id, title: spec.title, ...verdict };
}
