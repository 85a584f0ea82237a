/**
 * The run result: everything one execution of a learner program produced, as plain,
 * JSON-safe data. The browser worker, the Node host, the check engine, the site and the
 * grader all speak this shape, so it lives in the schema layer with no behaviour.
 */

/** Where in the learner's own program something happened (1-based line and column). */
export interface SourceLocation {
  line: number;
  column: number;
}

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** One console call, already formatted the way Node's console would print it. */
export interface ConsoleEntry {
  level: ConsoleLevel;
  /** The printed text (arguments formatted and joined with spaces, as Node does). */
  text: string;
  /** Milliseconds since the program started. */
  at: number;
  /**
   * Set when Sequelize printed it, not the program: its warnings (a Model declaring public
   * class fields, "Did you forget to use options.where?", a failed COMMIT, deprecations),
   * which Node prints to stderr. Absent for the program's own output.
   */
  origin?: 'sequelize';
}

/** One SQL statement that Sequelize sent to SQLite. */
export interface SqlStatement {
  /** The SQL text exactly as it reached SQLite. */
  sql: string;
  /** Bound values in order ($1, $2, ...), formatted as JSON-safe values. */
  bind: JsonValue[];
  /** Milliseconds from Sequelize handing the statement over to the result coming back. */
  durationMs: number;
  /** The line of the learner's program whose call caused this statement, when known. */
  source?: SourceLocation;
  /** Statements Sequelize sends for its own bookkeeping (PRAGMA, index listing). */
  internal: boolean;
  /** The SQLite error message when the statement failed. */
  error?: string;
}

export type ErrorKind = 'syntax' | 'runtime' | 'thrown-value' | 'unhandled-rejection' | 'exit' | 'timeout' | 'memory' | 'import' | 'cancelled' | 'internal';

/** The error that ended the run, as data. */
export interface RunError {
  kind: ErrorKind;
  /** The error's class name (SyntaxError, SequelizeUniqueConstraintError, ...). */
  name: string;
  message: string;
  /** Where it happened in the learner's program, when it can be told. */
  location?: SourceLocation;
  /** Extra details a learner needs: validation messages, the SQL that failed. */
  details: string[];
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ForeignKeyInfo {
  /** The referenced table. */
  table: string;
  /** The referenced column. */
  column: string;
  onDelete: string;
  onUpdate: string;
}

export interface ColumnInfo {
  name: string;
  /** The SQL type as declared (VARCHAR(255), INTEGER, DATETIME ...). */
  type: string;
  primaryKey: boolean;
  notNull: boolean;
  defaultValue: string | null;
  references?: ForeignKeyInfo;
}

export interface TableSnapshot {
  name: string;
  columns: ColumnInfo[];
  /** Rows as column -> value, at most `rowLimit` of them. */
  rows: Record<string, JsonValue>[];
  /** How many rows the table really holds (may exceed rows.length). */
  rowCount: number;
}

export interface DatabaseSnapshot {
  tables: TableSnapshot[];
}

export type AssociationType = 'HasMany' | 'BelongsTo' | 'HasOne' | 'BelongsToMany';

export interface AssociationInfo {
  type: AssociationType;
  source: string;
  target: string;
  /** The alias (`as`); Sequelize's default is the target's (plural) name. */
  as: string;
  /** True when the author passed `as` explicitly. */
  aliased: boolean;
  foreignKey: string;
  sourceKey?: string;
  targetKey?: string;
  /** belongsToMany: the join model's name and the key pointing at the target. */
  through?: string;
  otherKey?: string;
  onDelete?: string;
  onUpdate?: string;
  /** An onDelete this association was given that the column does not have: the first association of the pair created the column with its own rule. */
  ignoredOnDelete?: string;
  /** The accessor methods this association added (getPosts, setUser, ...). */
  accessors: string[];
}

export interface AttributeInfo {
  name: string;
  /** The column name in the table (differs from name with `field`). */
  field: string;
  type: string;
  primaryKey: boolean;
  allowNull: boolean;
  references?: { model: string; key: string };
}

export interface ModelInfo {
  name: string;
  tableName: string;
  attributes: AttributeInfo[];
  associations: AssociationInfo[];
}

export interface ModelGraph {
  models: ModelInfo[];
}

export interface RunTimings {
  /** Parsing and rewriting the program. */
  prepareMs: number;
  /** From the first line of the program to the last pending query settling. */
  executeMs: number;
  /** Reading the database and models after the run. */
  inspectMs: number;
  totalMs: number;
}

export interface OutputTruncation {
  /** Console entries that were not kept. */
  droppedEntries: number;
  /** Characters that were not kept. */
  droppedChars: number;
  /**
   * Where the cut is: `console` holds the start of the output up to this index, then its
   * last lines (so what a program prints at the end, such as "done", is still seen).
   */
  afterEntry: number;
}

/** How a row's content moved in one statement. */
export type RowChangeKind = 'added' | 'removed' | 'changed';

/** One row that a statement added, removed or changed (directly, or through a foreign key's ON DELETE / ON UPDATE action). */
export interface RowChange {
  /** The table, as SQLite names it. */
  table: string;
  kind: RowChangeKind;
  /** SQLite's rowid: the same row has the same rowid from one step to the next. */
  rowid: number;
  /** The row's rowid before a change that moved it (an UPDATE of its integer primary key). */
  fromRowid?: number;
  /** The row before the statement, column -> value (absent when added). */
  before?: Record<string, JsonValue>;
  /** The row after the statement, column -> value (absent when removed). */
  after?: Record<string, JsonValue>;
}

/** The rows one statement of the SQL log changed. */
export interface StatementChanges {
  /** The statement's index in the run's `sql` log. */
  statement: number;
  rows: RowChange[];
}

/**
 * What each write did to the rows, recorded as it happened (not a copy of the tables per
 * statement): replaying the steps from the empty database gives the tables after any
 * statement. A ROLLBACK appears as the step that undoes the rolled-back rows.
 */
export interface ChangeLog {
  /** One entry per statement that changed rows, in the order they ran. */
  steps: StatementChanges[];
  /**
   * Set when recording stopped (a long program): steps from this statement on are not
   * recorded, so the tables are known after each earlier statement and at the end only.
   */
  stoppedAt?: { statement: number; reason: string };
}

export interface RunResult {
  ok: boolean;
  console: ConsoleEntry[];
  /** Set when console output went over the cap and the rest was cut. */
  truncated?: OutputTruncation;
  sql: SqlStatement[];
  /** Statements sent after the SQL log was full: counted, not recorded (absent when none). */
  sqlOmitted?: number;
  /** The rows each statement added, removed or changed (absent when the runtime did not record them). */
  changes?: ChangeLog;
  error?: RunError;
  database: DatabaseSnapshot;
  models: ModelGraph;
  /** Names of the values the program exported (their values stay in the runtime). */
  exports: string[];
  /**
   * The ports its Express apps still listen on after its last line (absent when none): the
   * app stays, and takes requests, until the next run (src/runtime/core/live-app.ts).
   */
  listening?: number[];
  timings: RunTimings;
}

/**
 * A run that ended without the runtime's own result (a syntax error before it started, a
 * runtime that failed, a watchdog or a cancel): only the error, and what was printed before.
 */
export function failedRun(error: RunError, printed: ConsoleEntry[] = [], timings: Partial<RunTimings> = {}): RunResult {
  return {
    ok: false,
    console: printed,
    sql: [],
    error,
    database: { tables: [] },
    models: { models: [] },
    exports: [],
    timings: { prepareMs: 0, executeMs: 0, inspectMs: 0, totalMs: 0, ...timings },
  };
}

/** A failure of the runtime itself (not of the learner's program). */
export function runtimeFailure(message: string): RunResult {
  return failedRun({ kind: 'internal', name: 'RuntimeError', message, details: [] });
}
