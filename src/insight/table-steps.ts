/**
 * The tables as they were right after any statement of a run, rebuilt from the run's
 * change log (every run starts from an empty database, so replaying the recorded row
 * changes in order gives each step exactly), with the rows that statement added, removed
 * or changed marked. Tables appear at their CREATE TABLE and go at their DROP TABLE, as
 * the SQL log says.
 */
import type { ColumnInfo, JsonValue, RowChange, RowChangeKind, RunResult, SqlStatement } from '../schemas/run-result';

type Row = Record<string, JsonValue>;

export interface StepRow {
  /** The row's values after the step (before it, for a removed row). */
  values: Row;
  /** How the step changed the row; absent when it did not. */
  change?: RowChangeKind;
  /** For a changed row: the values before the step. */
  before?: Row;
}

export interface StepTable {
  name: string;
  /** Its columns as the run left them (from the final snapshot when the table is still there). */
  columns: ColumnInfo[];
  /** Rows in rowid order, removed ones included (marked) where they were. */
  rows: StepRow[];
  /** Rows the table holds after the step. */
  rowCount: number;
  /** What the step did to this table. */
  counts: Record<RowChangeKind, number>;
}

export interface TableStep {
  /** The statement (index into the SQL log) the tables are shown after. */
  statement: number;
  /** False when the change log stopped before this statement: the tables are not known. */
  known: boolean;
  /** The rows this statement changed, in the order SQLite changed them. */
  changes: RowChange[];
  /** The tables that exist after it, in the order they were created. */
  tables: StepTable[];
}

const TABLE_DDL =
  /\b(CREATE|DROP)\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:[`"[]?(?:main|temp)[`"\]]?\.)?[`"[]?([^`"\]\s(;]+)[`"\]]?/gi;

/** The tables a statement creates and drops, in order (several for a multi-statement query). */
function tableEvents(statement: SqlStatement): Array<{ created: boolean; table: string }> {
  if (statement.error) return [];
  return [...statement.sql.matchAll(TABLE_DDL)].map((match) => ({ created: match[1]!.toUpperCase() === 'CREATE', table: match[2]! }));
}

function columnsOf(name: string, result: RunResult, rows: Iterable<Row>): ColumnInfo[] {
  const known = result.database.tables.find((table) => table.name === name);
  if (known) return known.columns;
  const names = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) names.add(key);
  return [...names].map((column) => ({ name: column, type: '', primaryKey: false, notNull: false, defaultValue: null }));
}

export class TableHistory {
  /** Whether there is anything to step through (a run that sent SQL). */
  readonly available: boolean;
  /** The first statement whose changes were not recorded, when recording stopped. */
  readonly stoppedAt: number | undefined;
  readonly stoppedReason: string | undefined;
  private readonly byStatement = new Map<number, RowChange[]>();

  constructor(private readonly result: RunResult) {
    this.available = result.sql.length > 0;
    this.stoppedAt = result.changes?.stoppedAt?.statement;
    this.stoppedReason = result.changes?.stoppedAt?.reason;
    for (const step of result.changes?.steps ?? []) this.byStatement.set(step.statement, step.rows);
  }

  /** The rows statement `index` changed (empty for a statement that changed none). */
  changesOf(index: number): RowChange[] {
    return this.byStatement.get(index) ?? [];
  }

  /** The tables right after statement `index` of the SQL log. */
  after(index: number): TableStep {
    const changes = this.changesOf(index);
    if (this.stoppedAt !== undefined && index >= this.stoppedAt) return { statement: index, known: false, changes, tables: [] };
    const tables = new Map<string, Map<number, Row>>();
    const ensure = (name: string) => {
      let rows = tables.get(name);
      if (!rows) tables.set(name, (rows = new Map()));
      return rows;
    };
    const apply = (change: RowChange) => {
      const rows = ensure(change.table);
      if (change.kind === 'removed') rows.delete(change.rowid);
      else {
        if (change.fromRowid !== undefined) rows.delete(change.fromRowid);
        rows.set(change.rowid, change.after!);
      }
    };
    const steps = this.result.changes?.steps ?? [];
    let next = 0;
    for (let i = 0; i <= index && i < this.result.sql.length; i++) {
      const events = tableEvents(this.result.sql[i]!);
      const recreated = new Set(
        events.filter((event) => !event.created && events.some((other) => other.created && other.table === event.table)).map((e) => e.table),
      );
      for (const event of events) {
        // A table rebuilt inside one statement (Sequelize's ALTER for SQLite) keeps its rows.
        if (recreated.has(event.table)) ensure(event.table);
        else if (event.created) ensure(event.table);
        else tables.delete(event.table);
      }
      while (next < steps.length && steps[next]!.statement <= i) steps[next++]!.rows.forEach(apply);
    }
    // Tables no statement created (none in practice) are there from the start.
    for (const table of this.result.database.tables) if (!tables.has(table.name) && !this.createdLater(table.name, index)) ensure(table.name);

    const byTable = new Map<string, RowChange[]>();
    for (const change of changes) byTable.set(change.table, [...(byTable.get(change.table) ?? []), change]);
    const out: StepTable[] = [];
    for (const [name, rows] of tables) {
      const touched = byTable.get(name) ?? [];
      const counts = { added: 0, removed: 0, changed: 0 };
      const marks = new Map<number, RowChange>();
      for (const change of touched) {
        counts[change.kind]++;
        marks.set(change.rowid, change);
      }
      const stepRows: Array<StepRow & { rowid: number }> = [...rows].map(([rowid, values]) => {
        const mark = marks.get(rowid);
        if (!mark || mark.kind === 'removed') return { rowid, values };
        return { rowid, values, change: mark.kind, ...(mark.kind === 'changed' ? { before: mark.before! } : {}) };
      });
      for (const change of touched)
        if (change.kind === 'removed' && !rows.has(change.rowid)) stepRows.push({ rowid: change.rowid, values: change.before!, change: 'removed' });
      stepRows.sort((a, b) => a.rowid - b.rowid);
      out.push({
        name,
        columns: columnsOf(name, this.result, [...rows.values(), ...touched.map((change) => change.after ?? change.before ?? {})]),
        rows: stepRows.map(({ rowid: _rowid, ...row }) => row),
        rowCount: rows.size,
        counts,
      });
    }
    return { statement: index, known: true, changes, tables: out };
  }

  private createdLater(name: string, index: number): boolean {
    return this.result.sql.some((statement, i) => i > index && tableEvents(statement).some((event) => event.created && event.table === name));
  }
}

const PREPOSITION: Record<RowChangeKind, string> = { added: 'to', changed: 'in', removed: 'from' };

const WRITE_TARGET = /^\s*(?:DELETE\s+FROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?)\s+(?:`([^`]+)`|"([^"]+)"|([\w$]+))/i;

/** The table a write statement names (DELETE FROM t, INSERT INTO t, UPDATE t), if it is one. */
export function targetTable(sql: string): string | undefined {
  const match = WRITE_TARGET.exec(sql);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * "1 row removed from Users, 2 from Posts; 1 row changed in Comments": what one statement
 * did, in words. The table the statement names comes first; the others changed through
 * their foreign keys.
 */
export function describeChanges(changes: readonly RowChange[], target?: string): string {
  if (changes.length === 0) return 'changed no rows';
  const phrases: string[] = [];
  for (const kind of ['removed', 'added', 'changed'] as const) {
    const perTable = new Map<string, number>();
    if (target && changes.some((change) => change.kind === kind && change.table === target)) perTable.set(target, 0);
    for (const change of changes) if (change.kind === kind) perTable.set(change.table, (perTable.get(change.table) ?? 0) + 1);
    const parts = [...perTable].map(([table, count], i) => `${count}${i === 0 ? ` row${count === 1 ? '' : 's'} ${kind}` : ''} ${PREPOSITION[kind]} ${table}`);
    if (parts.length) phrases.push(parts.join(', '));
  }
  return phrases.join('; ');
}
