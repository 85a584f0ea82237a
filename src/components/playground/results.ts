/**
 * The three result panels (Console, SQL, Tables), rendered from a RunResult. Pure DOM
 * building: the element decides where they go and what a "line N" button does.
 */
import { explainRun, type Explanation } from '../../explain/mistakes';

export { explainRun };
import type { ColumnInfo, ConsoleEntry, JsonValue, RunResult, SqlStatement, TableSnapshot } from '../../schemas/run-result';
import { h } from './dom';
import { statusLine, type AppExchange } from '../../schemas/app-exchange';
import { createBreather, whenIdle } from './breather';
import { lastUsed } from './last-used';
import { formatterFor, warmUpFormatter, type Formatter } from './sql-format';

export interface PanelHooks {
  /** Called when the learner picks a "line N" button; `button` is the one pressed. */
  onLine(line: number, button: HTMLButtonElement): void;
  /** Colours SQL as HTML (Monaco's colorizer) when the editor is loaded. */
  colorizeSql?: (sql: string) => Promise<string>;
  /** The program that ran: its lines tell the statements `sync()` sent, and explain its mistakes. */
  program?: string;
}

const programLine = (hooks: PanelHooks, line: number): string | undefined => hooks.program?.split('\n')[line - 1];

const lineButton = (line: number, hooks: PanelHooks, label = `line ${line}`) => {
  const button = h('button', { type: 'button', class: 'pg-line', title: `Show line ${line} in the editor` }, label);
  button.addEventListener('click', () => hooks.onLine(line, button));
  return button;
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const consoleLog = () => h('div', { class: 'pg-log', role: 'log', 'aria-label': 'Console output' });

/**
 * How a console line is shown: its level, and the badge it carries. Sequelize's own
 * warnings (printed by Sequelize to stderr, as Node does) are labelled as Sequelize's, so
 * they are not taken for the program's.
 */
export function consoleLineStyle(entry: ConsoleEntry): { level: 'log' | 'warn' | 'error'; badge?: string; sequelize: boolean } {
  const level = entry.level === 'warn' || entry.level === 'error' ? entry.level : 'log';
  const sequelize = entry.origin === 'sequelize';
  if (level === 'log') return { level, sequelize };
  const kind = level === 'warn' ? 'warning' : 'error';
  return { level, badge: sequelize ? `Sequelize ${kind}` : kind === 'warning' ? 'Warning' : 'Error', sequelize };
}

function consoleLine(entry: ConsoleEntry): HTMLElement {
  const { level, badge, sequelize } = consoleLineStyle(entry);
  return h(
    'div',
    { class: `pg-log__entry pg-log__entry--${level}${sequelize ? ' pg-log__entry--sequelize' : ''}` },
    badge ? h('span', { class: 'pg-log__badge' }, badge) : null,
    h('span', { class: 'pg-log__text' }, entry.text),
  );
}

/** The Console panel while a run is still going: what it has printed so far, growing as it prints. */
export function renderLiveConsole(): { root: HTMLElement; append(entries: readonly ConsoleEntry[]): void } {
  const root = h('div', { class: 'pg-console' });
  const list = consoleLog();
  root.append(list, h('div', { class: 'pg-notice pg-notice--live' }, 'Still running…'));
  return { root, append: (entries) => list.append(...entries.map(consoleLine)) };
}

/** The Console panel: printed lines, the truncation notice, and the error that ended the run. */
export function renderConsole(result: RunResult, hooks: PanelHooks): HTMLElement {
  const root = h('div', { class: 'pg-console' });
  if (result.console.length === 0 && !result.error) {
    root.append(h('div', { class: 'pg-empty' }, 'The program printed nothing. Use console.log() to print values.'));
  }
  if (result.console.length > 0) {
    const list = consoleLog();
    list.append(...result.console.map(consoleLine));
    if (result.truncated) {
      // Between the start of the output and its last lines, where the cut is.
      const notice = h(
        'div',
        { class: 'pg-notice' },
        `… ${plural(result.truncated.droppedEntries, 'line')} cut here: the output was too long to show in full.`,
      );
      list.insertBefore(notice, list.children[result.truncated.afterEntry] ?? null);
    }
    root.append(list);
  }
  if (result.error) {
    const { error } = result;
    const box = h(
      'div',
      { class: `pg-error pg-error--${error.kind}` },
      h(
        'div',
        { class: 'pg-error__head' },
        h('strong', { class: 'pg-error__name' }, error.name),
        error.location ? ' ' : null,
        error.location ? lineButton(error.location.line, hooks) : null,
      ),
      h('div', { class: 'pg-error__message' }, error.message),
    );
    if (error.details.length > 0) {
      box.append(h('ul', { class: 'pg-error__details' }, ...error.details.map((detail) => h('li', {}, detail))));
    }
    root.append(box);
  }
  for (const explanation of explainRun(result, hooks.program ?? '')) root.append(renderExplanation(explanation, hooks));
  return root;
}

/** A recognised mistake: what happened, why, the line, and the course section that explains it. */
function renderExplanation(explanation: Explanation, hooks: PanelHooks): HTMLElement {
  const external = !explanation.learnMore.href.startsWith('/');
  return h(
    'section',
    { class: 'pg-explain', 'aria-label': `Why: ${explanation.title}`, 'data-mistake': explanation.id },
    h('div', { class: 'pg-explain__head' }, h('strong', {}, explanation.title), explanation.line ? lineButton(explanation.line, hooks) : null),
    h('p', { class: 'pg-explain__what' }, explanation.what),
    h('p', { class: 'pg-explain__why' }, explanation.why),
    h(
      'p',
      { class: 'pg-explain__more' },
      'Read more: ',
      h('a', { href: explanation.learnMore.href, ...(external ? { target: '_blank', rel: 'noopener' } : {}) }, explanation.learnMore.label),
    ),
  );
}

function formatBind(values: JsonValue[]): string {
  return values.map((value, index) => `$${index + 1} = ${JSON.stringify(value)}`).join(', ');
}

/**
 * Readies what the first SQL log needs (the formatter's worker and its first parse, Monaco's
 * SQL colouring), in idle time after the editor loaded: done then, this work does not
 * lengthen the task that shows the first Run's or Check's result.
 */
export async function prepareSqlRendering(colorizeSql?: (sql: string) => Promise<string>): Promise<void> {
  const sample = await warmUpFormatter();
  if (!colorizeSql) return;
  await whenIdle();
  await colorizeSql(sample).catch(() => undefined);
}

const colourings = lastUsed<Promise<string>>();

/** Monaco's colouring of formatted SQL, remembered per theme (its token classes follow the theme's colour map). */
function colourSql(colorize: (sql: string) => Promise<string>, sql: string): Promise<string> {
  const key = `${document.documentElement.dataset.theme ?? ''}\n${sql}`;
  const html = colourings.get(key, () => colorize(sql));
  // A failed colouring is not kept: the next render tries again.
  html.catch(() => colourings.forget(key));
  return html;
}

async function renderStatement(statement: SqlStatement, hooks: PanelHooks, format: Formatter): Promise<HTMLElement> {
  const formatted = format(statement.sql);
  const code = h('code', { class: 'pg-sql__code' });
  if (hooks.colorizeSql) {
    try {
      // Monaco's colorizer escapes the text and returns spans with its token classes.
      code.innerHTML = await colourSql(hooks.colorizeSql, formatted);
      code.dataset.coloured = '';
    } catch {
      code.textContent = formatted;
    }
  } else {
    code.textContent = formatted;
  }
  const meta = h(
    'div',
    { class: 'pg-sql__meta' },
    statement.source ? lineButton(statement.source.line, hooks) : h('span', { class: 'pg-sql__origin' }, statement.internal ? 'Sequelize' : 'no line'),
    h('span', { class: 'pg-sql__duration' }, `${statement.durationMs < 10 ? statement.durationMs.toFixed(1) : Math.round(statement.durationMs)} ms`),
    statement.internal ? h('span', { class: 'pg-sql__tag' }, 'internal') : null,
  );
  return h(
    'div',
    { role: 'listitem', class: `pg-sql__item${statement.internal ? ' pg-sql__item--internal' : ''}${statement.error ? ' pg-sql__item--failed' : ''}` },
    meta,
    h('pre', { class: 'pg-sql__pre' }, code),
    statement.bind.length > 0
      ? h('div', { class: 'pg-sql__bind' }, h('span', { class: 'pg-sql__label' }, 'Bound values '), h('code', {}, formatBind(statement.bind)))
      : null,
    statement.error ? h('div', { class: 'pg-sql__error' }, statement.error) : null,
  );
}

/** What a statement does, for the counts: SELECT, INSERT, CREATE TABLE, DROP INDEX, PRAGMA... */
export function statementKind(sql: string): string {
  const words = sql
    .trim()
    .toUpperCase()
    .split(/[\s(]+/, 4);
  const [first = '?', second = '', third = ''] = words;
  if (first === 'CREATE' || first === 'DROP' || first === 'ALTER') return `${first} ${second === 'UNIQUE' ? third : second}`;
  return first;
}

/** "3 SELECT · 2 INSERT", most frequent first. */
function kindCounts(statements: readonly SqlStatement[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const statement of statements) counts.set(statementKind(statement.sql), (counts.get(statementKind(statement.sql)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

const SYNC_CALL = /\.sync\s*\(/;

/**
 * The log split into the learner's own statements and runs of statements that a `sync()`
 * call sent (told by the program line that sent them): those are setup, not what a lesson
 * asks the learner to read first.
 */
export function groupSqlBySync(
  statements: readonly SqlStatement[],
  programLine: ((line: number) => string | undefined) | undefined,
): Array<SqlStatement | SqlStatement[]> {
  const groups: Array<SqlStatement | SqlStatement[]> = [];
  const fromSync = (statement: SqlStatement) => statement.source !== undefined && SYNC_CALL.test(programLine?.(statement.source.line) ?? '');
  for (const statement of statements) {
    const last = groups.at(-1);
    if (!fromSync(statement)) groups.push(statement);
    else if (Array.isArray(last)) last.push(statement);
    else groups.push([statement]);
  }
  return groups;
}

async function renderSyncGroup(statements: SqlStatement[], hooks: PanelHooks, format: Formatter, breathe: () => Promise<void>): Promise<HTMLElement> {
  const own = statements.filter((statement) => !statement.internal);
  const kinds = kindCounts(own)
    .map(([kind, count]) => (count > 1 ? `${kind} ×${count}` : kind))
    .join(', ');
  const line = statements[0]?.source?.line;
  const items = h('div', { class: 'pg-sql', role: 'list', 'aria-label': 'Statements sync() sent' });
  for (const statement of statements) {
    await breathe();
    items.append(await renderStatement(statement, hooks, format));
  }
  return h(
    'details',
    { role: 'listitem', class: 'pg-sql__group' },
    h(
      'summary',
      { class: 'pg-sql__summary' },
      h('code', {}, 'sync()'),
      ` ${line ? `at line ${line}: ` : ''}${plural(own.length, 'statement')} creating the tables${kinds ? ` (${kinds})` : ''}`,
    ),
    items,
  );
}

/** The SQL panel: counts per kind, the program's statements formatted and coloured (with bound values, timing and source line), `sync()`'s folded. */
export async function renderSql(result: Pick<RunResult, 'sql' | 'sqlOmitted'>, hooks: PanelHooks): Promise<HTMLElement> {
  const root = h('div', { class: 'pg-sqls' });
  if (result.sql.length === 0) {
    root.append(h('div', { class: 'pg-empty' }, 'No SQL was sent to the database.'));
    return root;
  }
  const format = await formatterFor(result.sql.map((statement) => statement.sql));
  const groups = groupSqlBySync(result.sql, (line) => programLine(hooks, line));
  const fromSync = groups.filter(Array.isArray).flat();
  const own = groups.filter((group): group is SqlStatement => !Array.isArray(group) && !group.internal);
  const summary = h(
    'ul',
    { class: 'pg-sqls__counts', 'aria-label': 'Statements by kind' },
    ...kindCounts(own).map(([kind, count]) => h('li', { class: 'pg-sqls__count' }, h('strong', {}, String(count)), ` ${kind}`)),
    fromSync.length
      ? h('li', { class: 'pg-sqls__count pg-sqls__count--sync' }, h('strong', {}, String(fromSync.filter((s) => !s.internal).length)), ' in sync()')
      : null,
  );
  const bar = h('div', { class: 'pg-sqls__bar' }, summary);
  root.append(bar);
  const internalCount = result.sql.filter((statement) => statement.internal).length;
  if (internalCount > 0) {
    const id = `pg-internal-${Math.random().toString(36).slice(2)}`;
    const toggle = h('input', { type: 'checkbox', id, class: 'pg-sqls__toggle' });
    toggle.addEventListener('change', () => root.classList.toggle('pg-sqls--show-internal', toggle.checked));
    bar.append(h('label', { for: id, class: 'pg-sqls__label' }, toggle, ` Show ${plural(internalCount, 'internal statement')} (PRAGMA…)`));
  }
  const list = h('div', { class: 'pg-sql', role: 'list', 'aria-label': 'SQL statements' });
  const breathe = createBreather();
  for (const group of groups) {
    await breathe();
    list.append(Array.isArray(group) ? await renderSyncGroup(group, hooks, format, breathe) : await renderStatement(group, hooks, format));
  }
  root.append(list);
  // A runaway loop fills the log: say how much is missing rather than end the list silently.
  if (result.sqlOmitted)
    root.append(
      h(
        'div',
        { class: 'pg-notice' },
        `… ${plural(result.sqlOmitted, 'more statement')} not recorded: the SQL log keeps the first ${result.sql.length.toLocaleString('en-US')}.`,
      ),
    );
  return root;
}

function cellText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function columnHeader(column: ColumnInfo): HTMLElement {
  const badges = h('span', { class: 'pg-col__badges' });
  if (column.primaryKey) badges.append(h('abbr', { class: 'pg-badge pg-badge--pk', title: 'Primary key' }, 'PK'));
  if (column.references) {
    const ref = column.references;
    badges.append(
      h(
        'span',
        { class: 'pg-badge pg-badge--fk', title: `Foreign key to ${ref.table}.${ref.column}, ON DELETE ${ref.onDelete}, ON UPDATE ${ref.onUpdate}` },
        `FK → ${ref.table}.${ref.column}`,
      ),
      h('span', { class: 'pg-badge pg-badge--rule' }, `ON DELETE ${ref.onDelete}`),
    );
  }
  return h(
    'th',
    { scope: 'col' },
    h('span', { class: 'pg-col__name' }, column.name),
    h('span', { class: 'pg-col__type' }, column.type + (column.notNull && !column.primaryKey ? ' NOT NULL' : '')),
    badges.childElementCount > 0 ? badges : null,
  );
}

function renderTable(table: TableSnapshot): HTMLElement {
  const head = h('tr', {}, ...table.columns.map(columnHeader));
  const body = h('tbody');
  for (const row of table.rows) {
    body.append(
      h(
        'tr',
        {},
        ...table.columns.map((column) => {
          const value = row[column.name];
          return h('td', { class: value === null || value === undefined ? 'pg-null' : undefined }, cellText(value));
        }),
      ),
    );
  }
  if (table.rows.length === 0) {
    body.append(h('tr', {}, h('td', { colspan: Math.max(1, table.columns.length), class: 'pg-empty-row' }, 'No rows')));
  }
  const more =
    table.rowCount > table.rows.length ? h('div', { class: 'pg-notice' }, `Showing ${table.rows.length} of ${plural(table.rowCount, 'row')}.`) : null;
  return h(
    'section',
    { class: 'pg-table', 'aria-label': `Table ${table.name}` },
    h('div', { class: 'pg-table__name' }, table.name, h('span', { class: 'pg-table__count' }, plural(table.rowCount, 'row'))),
    // Wide tables scroll inside their panel, never the page; focusable so keyboards can scroll too.
    h('div', { class: 'pg-table__scroll', tabindex: 0, role: 'region', 'aria-label': `${table.name} rows` }, h('table', {}, h('thead', {}, head), body)),
    more,
  );
}

/** The Tables panel: every table after the run, with its columns, keys and rows. */
export function renderTables(result: RunResult): HTMLElement {
  const root = h('div', { class: 'pg-tables' });
  if (result.database.tables.length === 0) {
    root.append(h('div', { class: 'pg-empty' }, 'The database has no tables. Define models and call sequelize.sync() to create them.'));
    return root;
  }
  for (const table of result.database.tables) root.append(renderTable(table));
  return root;
}

/** A request's title: `GET /users/1/posts → 200 OK`. */
function exchangeTitle(line: string, exchange: AppExchange): string {
  return `${line} → ${exchange.response ? statusLine(exchange.response) : 'no response'}`;
}

/** What one request to the app sent to the database, under the request, for the SQL panel. */
export async function renderRequestSql(line: string, exchange: AppExchange, hooks: PanelHooks): Promise<HTMLElement> {
  return h(
    'section',
    { class: 'pg-request-block', 'aria-label': `SQL of ${line}`, 'data-request': line },
    h('h4', { class: 'pg-request-block__title' }, exchangeTitle(line, exchange)),
    await renderSql({ sql: exchange.sql }, hooks),
  );
}

/** What the app printed while it handled one request, under the request, for the Console panel. */
export function renderRequestConsole(line: string, exchange: AppExchange): HTMLElement {
  const list = consoleLog();
  list.append(...exchange.console.map(consoleLine));
  return h(
    'section',
    { class: 'pg-request-block', 'aria-label': `Output of ${line}` },
    h('h4', { class: 'pg-request-block__title' }, exchangeTitle(line, exchange)),
    list,
  );
}
