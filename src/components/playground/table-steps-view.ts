/**
 * Tables at every step: the tables as they were right after one statement, with the rows
 * it added, changed or removed marked (src/insight/table-steps.ts rebuilds them from the
 * run's change log), and the Tables panel's stepper that walks through the run statement by
 * statement. The same view opens under a statement in the SQL panel (./sql-insight.ts).
 */
import type { ColumnInfo, JsonValue, RunResult } from '../../schemas/run-result';
import { describeChanges, targetTable, type StepRow, type StepTable, type TableHistory, type TableStep } from '../../insight/table-steps';
import { statementKind } from './results';
import { h } from './dom';

/** Rows shown per table in a step (changed rows always are). */
const ROW_LIMIT = 200;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function cellText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const MARK: Record<NonNullable<StepRow['change']>, { symbol: string; label: string }> = {
  added: { symbol: '+', label: 'added' },
  removed: { symbol: '−', label: 'removed' },
  changed: { symbol: '~', label: 'changed' },
};

function cell(row: StepRow, column: ColumnInfo): HTMLElement {
  const value = row.values[column.name];
  const isNull = value === null || value === undefined;
  if (row.change === 'changed' && row.before && JSON.stringify(row.before[column.name]) !== JSON.stringify(value)) {
    return h(
      'td',
      { class: 'pg-step__cell--changed' },
      h('del', { class: 'pg-step__was' }, h('span', { class: 'visually-hidden' }, 'was '), cellText(row.before[column.name])),
      h('span', { class: 'pg-step__arrow', 'aria-hidden': 'true' }, ' → '),
      h('span', { class: isNull ? 'pg-null' : undefined }, h('span', { class: 'visually-hidden' }, 'now '), cellText(value)),
    );
  }
  return h('td', { class: isNull ? 'pg-null' : undefined }, cellText(value));
}

/** "through Posts.userId, ON DELETE CASCADE": why a table the statement does not name changed. */
function throughForeignKey(table: StepTable, target: string | undefined): string | undefined {
  if (!target || table.name === target) return undefined;
  const column = table.columns.find((candidate) => candidate.references?.table === target);
  return column?.references ? `through ${table.name}.${column.name}, ON DELETE ${column.references.onDelete}` : undefined;
}

function tableCaption(table: StepTable, target: string | undefined): string {
  const done = (['removed', 'added', 'changed'] as const)
    .filter((kind) => table.counts[kind] > 0)
    .map((kind) => `${plural(table.counts[kind], 'row')} ${kind}`);
  const why = done.length ? throughForeignKey(table, target) : undefined;
  return `${plural(table.rowCount, 'row')}${done.length ? ` · ${done.join(', ')}` : ''}${why ? ` (${why})` : ''}`;
}

export interface StepViewOptions {
  /** Only the tables the statement changed, and only their changed rows. */
  changesOnly?: boolean;
  /** Only the tables the statement changed (all their rows). */
  touchedOnly?: boolean;
  /** Names regions "<table> after statement N" (the SQL panel), rather than "Table <table>". */
  regionLabel?: (table: string) => string;
}

/** One step's tables, changed rows marked. */
export function renderStep(step: TableStep, sql: string | undefined, options: StepViewOptions = {}): HTMLElement {
  const root = h('div', { class: 'pg-tables pg-step' });
  const target = sql ? targetTable(sql) : undefined;
  const changed = (table: StepTable) => table.counts.added + table.counts.removed + table.counts.changed > 0;
  let tables = step.tables;
  if (options.changesOnly || options.touchedOnly) tables = tables.filter(changed);
  // The table the statement names first, then those it reached through foreign keys.
  tables = [...tables].sort((a, b) => Number(b.name === target && changed(b)) - Number(a.name === target && changed(a)));
  if (tables.length === 0) {
    root.append(
      h(
        'div',
        { class: 'pg-empty' },
        step.tables.length === 0 ? 'No tables exist yet at this point.' : options.changesOnly ? 'This statement changed no rows.' : 'No tables.',
      ),
    );
    return root;
  }
  for (const table of tables) {
    // Sequelize's timestamps are long and rarely what a step is about: they go last, so keys and values are in view.
    const timestamp = (column: ColumnInfo) => column.name === 'createdAt' || column.name === 'updatedAt';
    const columns = [...table.columns.filter((column) => !timestamp(column)), ...table.columns.filter(timestamp)];
    const rows = options.changesOnly ? table.rows.filter((row) => row.change) : table.rows;
    const shown = rows.filter((row, index) => row.change || index < ROW_LIMIT);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'pg-step__markhead' }, h('span', { class: 'visually-hidden' }, 'Change')),
      ...columns.map((column) =>
        h('th', { scope: 'col' }, h('span', { class: 'pg-col__name' }, column.name), column.type ? h('span', { class: 'pg-col__type' }, column.type) : null),
      ),
    );
    const body = h('tbody');
    for (const row of shown) {
      const mark = row.change ? MARK[row.change] : undefined;
      body.append(
        h(
          'tr',
          { class: mark ? `pg-step__row pg-step__row--${row.change}` : 'pg-step__row', 'data-change': row.change },
          h(
            'td',
            { class: 'pg-step__mark' },
            mark ? h('span', { 'aria-hidden': 'true' }, mark.symbol) : null,
            mark ? h('span', { class: 'visually-hidden' }, mark.label) : null,
          ),
          ...columns.map((column) => cell(row, column)),
        ),
      );
    }
    if (shown.length === 0) body.append(h('tr', {}, h('td', { colspan: columns.length + 1, class: 'pg-empty-row' }, 'No rows')));
    const label = options.regionLabel?.(table.name) ?? `Table ${table.name}`;
    root.append(
      h(
        'section',
        { class: 'pg-table', 'aria-label': label },
        h('div', { class: 'pg-table__name' }, table.name, h('span', { class: 'pg-table__count' }, tableCaption(table, target))),
        h('div', { class: 'pg-table__scroll', tabindex: 0, role: 'region', 'aria-label': `${table.name} rows` }, h('table', {}, h('thead', {}, head), body)),
        rows.length > shown.length ? h('div', { class: 'pg-notice' }, `Showing ${shown.length} of ${plural(rows.length, 'row')}.`) : null,
      ),
    );
  }
  return root;
}

/** A short name for a statement in the stepper: "#12 DELETE Users, line 23". */
export function statementTitle(result: RunResult, index: number, number: number): string {
  const statement = result.sql[index]!;
  const table = targetTable(statement.sql) ?? /\b(?:FROM|TABLE(?:\s+IF\s+(?:NOT\s+)?EXISTS)?)\s+[`"]?([\w$]+)/i.exec(statement.sql)?.[1];
  const kind = statementKind(statement.sql);
  return `#${number} ${kind}${table ? ` ${table}` : ''}${statement.source ? `, line ${statement.source.line}` : ''}`;
}

/** What happened at a step, in a sentence. */
export function stepSummary(history: TableHistory, result: RunResult, index: number): string {
  const changes = history.changesOf(index);
  const sql = result.sql[index]?.sql ?? '';
  if (result.sql[index]?.error) return 'It failed, and SQLite undid it: no rows changed.';
  return changes.length ? `${describeChanges(changes, targetTable(sql))}.` : 'No rows changed.';
}

export interface TablesStepper {
  root: HTMLElement;
  /** Shows the tables after statement `index` of the SQL log (undefined: at the end of the run). */
  show(index: number | undefined): void;
}

/**
 * The Tables panel: the tables at the end of the run (`renderFinal`), and a stepper to see
 * them after any statement instead: Previous / Next, a list of the statements, and a
 * "Changes only" view.
 */
export function createTablesStepper(result: RunResult, history: TableHistory, renderFinal: () => HTMLElement): TablesStepper {
  const root = h('div', { class: 'pg-steps' });
  const steps = result.sql.flatMap((statement, index) => (statement.internal ? [] : [index]));
  if (!history.available || steps.length === 0) {
    root.append(renderFinal());
    return { root, show: () => undefined };
  }
  const uid = Math.random().toString(36).slice(2);
  const previous = h(
    'button',
    { type: 'button', class: 'pg-steps__button', 'aria-label': 'Previous statement' },
    h('span', { 'aria-hidden': 'true' }, '‹ '),
    'Previous',
  );
  const next = h('button', { type: 'button', class: 'pg-steps__button', 'aria-label': 'Next statement' }, 'Next', h('span', { 'aria-hidden': 'true' }, ' ›'));
  const picker = h('select', { class: 'pg-steps__select', id: `pg-step-${uid}` });
  picker.append(h('option', { value: 'end' }, 'End of the run'));
  steps.forEach((index, position) => {
    const changes = history.changesOf(index).length;
    picker.append(
      h('option', { value: String(index) }, `After ${statementTitle(result, index, position + 1)}${changes ? ` (${plural(changes, 'row')} changed)` : ''}`),
    );
  });
  const onlyChanges = h('input', { type: 'checkbox', id: `pg-step-changes-${uid}`, class: 'pg-steps__toggle' });
  const status = h('p', { class: 'pg-steps__status', 'aria-live': 'polite' });
  const view = h('div', { class: 'pg-steps__view' });
  root.append(
    h(
      'div',
      { class: 'pg-steps__bar', role: 'group', 'aria-label': 'Step through the run' },
      previous,
      h('label', { class: 'visually-hidden', for: picker.id }, 'Show the tables'),
      picker,
      next,
      h('label', { class: 'pg-steps__label', for: onlyChanges.id }, onlyChanges, ' Changes only'),
    ),
    status,
    view,
  );

  /** Position in `steps`, or steps.length for the end of the run. */
  let position = steps.length;
  const render = () => {
    const index = steps[position];
    picker.value = index === undefined ? 'end' : String(index);
    previous.disabled = position === 0;
    next.disabled = position === steps.length;
    if (index === undefined) {
      status.textContent = 'The tables at the end of the run. Step back to see them after any statement.';
      view.replaceChildren(renderFinal());
      return;
    }
    const step = history.after(index);
    const title = statementTitle(result, index, position + 1);
    if (!step.known) {
      status.textContent = `After ${title}: not recorded. Row changes stopped being recorded before this statement (${history.stoppedReason ?? 'a long program'}); the end of the run shows the tables in full.`;
      view.replaceChildren();
      return;
    }
    status.textContent = `After ${title}: ${stepSummary(history, result, index).replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase())}`;
    view.replaceChildren(renderStep(step, result.sql[index]?.sql, { changesOnly: onlyChanges.checked }));
  };
  const go = (to: number) => {
    position = Math.max(0, Math.min(steps.length, to));
    render();
  };
  previous.addEventListener('click', () => go(position - 1));
  next.addEventListener('click', () => go(position + 1));
  picker.addEventListener('change', () => go(picker.value === 'end' ? steps.length : steps.indexOf(Number(picker.value))));
  onlyChanges.addEventListener('change', render);
  if (history.stoppedAt !== undefined) {
    root.append(
      h(
        'div',
        { class: 'pg-notice' },
        `Row changes are recorded for the first part of a long program only (${history.stoppedReason}): steps after that are not shown.`,
      ),
    );
  }
  render();
  return {
    root,
    show: (index) => {
      if (index === undefined) return go(steps.length);
      // A statement that is not a step (internal) shows the last step before it.
      let at = steps.findIndex((step) => step >= index);
      if (at < 0) at = steps.length;
      else if (steps[at]! > index) at = Math.max(0, at - 1);
      go(at);
    },
  };
}
