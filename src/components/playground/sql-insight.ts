/**
 * What the SQL panel adds to the log that ./results.ts renders: under each statement, the
 * rows it changed and a "Tables after" view (the tables right after it, changed rows
 * marked); and queries repeated once per row (N+1) gathered into one group, explained,
 * with the course section that shows the cure.
 *
 * The log's items are matched to the run's statements by their order: ./results.ts
 * renders every statement (internal ones hidden), in order, sync()'s folded in place.
 */
import type { RunResult, SqlStatement } from '../../schemas/run-result';
import { findNPlusOne, N_PLUS_ONE_LESSON, type RepeatedQuery } from '../../insight/n-plus-one';
import { describeChanges, targetTable, type TableHistory } from '../../insight/table-steps';
import { h } from './dom';
import { renderStep, stepSummary } from './table-steps-view';

export interface SqlInsightHooks {
  /** A "line N" button was pressed. */
  onLine(line: number, button: HTMLButtonElement): void;
  /** Shows the Tables panel's stepper at this statement. */
  openInTables(index: number): void;
}

const lineButton = (line: number, hooks: SqlInsightHooks) => {
  const button = h('button', { type: 'button', class: 'pg-line', title: `Show line ${line} in the editor` }, `line ${line}`);
  button.addEventListener('click', () => hooks.onLine(line, button));
  return button;
};

let uid = 0;

/** The toggle under a statement that shows the tables right after it. */
function tablesAfter(item: HTMLElement, index: number, number: number, result: RunResult, history: TableHistory, hooks: SqlInsightHooks): void {
  const changes = history.changesOf(index);
  const sql = result.sql[index]!.sql;
  const id = `pg-after-${++uid}`;
  const toggle = h('button', { type: 'button', class: 'pg-sql__after', 'aria-expanded': 'false', 'aria-controls': id }, `Tables after #${number}`);
  const region = h('div', { class: 'pg-sql__tables', id, hidden: true });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    if (!open || region.childElementCount > 0) return;
    const step = history.after(index);
    const stepButton = h('button', { type: 'button', class: 'pg-sql__step' }, 'Step through in Tables');
    stepButton.addEventListener('click', () => hooks.openInTables(index));
    // A write's changes are said above already; other statements say they changed nothing.
    const summary = !step.known ? `Not recorded: ${history.stoppedReason ?? 'a long program'}.` : changes.length ? '' : stepSummary(history, result, index);
    region.append(h('p', { class: 'pg-sql__tables-summary' }, summary || null, stepButton));
    if (step.known) {
      region.append(
        renderStep(step, sql, {
          // A write shows the tables it changed; anything else, every table as it stood.
          touchedOnly: changes.length > 0,
          regionLabel: (table) => `${table} after statement #${number}`,
        }),
      );
    }
  });
  const meta = item.querySelector('.pg-sql__meta');
  if (changes.length) {
    item.append(
      h(
        'div',
        { class: `pg-sql__changes${changes.some((change) => change.kind === 'removed') ? ' pg-sql__changes--removed' : ''}` },
        `${describeChanges(changes, targetTable(sql)).replace(/^./, (first) => first.toUpperCase())}.`,
      ),
    );
  }
  meta?.append(toggle);
  item.append(region);
}

function nPlusOneNotice(groups: readonly RepeatedQuery[], hooks: SqlInsightHooks): HTMLElement {
  return h(
    'section',
    { class: 'pg-insight', 'aria-label': 'Likely N+1 queries' },
    ...groups.map((group) =>
      h(
        'div',
        { class: 'pg-insight__item' },
        h(
          'p',
          { class: 'pg-insight__head' },
          h('strong', {}, 'Likely N+1: '),
          h('code', {}, group.label),
          ` ×${group.statements.length}, `,
          lineButton(group.line, hooks),
        ),
        h(
          'p',
          { class: 'pg-insight__why' },
          `The same query ran ${group.statements.length} times from one line, only its values changing: one query per row of an earlier result. `,
          'Load the related rows together with ',
          h('code', {}, 'include'),
          ' instead. ',
          h('a', { href: N_PLUS_ONE_LESSON.href }, `Read: ${N_PLUS_ONE_LESSON.label}`),
        ),
      ),
    ),
  );
}

/** Gathers a group's statements, where they sit directly in the log, into one folded entry at the first one's place. */
function foldGroup(group: RepeatedQuery, items: readonly HTMLElement[], list: Element): void {
  const members = group.statements.map((index) => items[index]);
  if (members.some((member) => !member || member.parentElement !== list)) return;
  const inner = h('div', { class: 'pg-sql', role: 'list', 'aria-label': `${group.statements.length} repeats of one query` });
  const details = h(
    'details',
    { role: 'listitem', class: 'pg-sql__group pg-sql__group--repeat', 'data-n-plus-one': '' },
    h(
      'summary',
      { class: 'pg-sql__summary' },
      h('code', {}, group.label),
      ` ×${group.statements.length}, line ${group.line}: `,
      h('strong', { class: 'pg-sql__flag' }, 'likely N+1'),
    ),
    inner,
  );
  list.insertBefore(details, members[0]!);
  inner.append(...(members as HTMLElement[]));
}

/** Adds the rows each statement changed, its "Tables after" view, and the N+1 groups to a rendered SQL panel. */
export function decorateSqlPanel(root: HTMLElement, result: RunResult, history: TableHistory, hooks: SqlInsightHooks): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>('.pg-sql__item'));
  if (items.length !== result.sql.length) return; // not the log this was written for: add nothing rather than mislabel
  let number = 0;
  items.forEach((item, index) => {
    item.dataset.statement = String(index);
    if (!result.sql[index]!.internal) tablesAfter(item, index, ++number, result, history, hooks);
  });
  const groups = findNPlusOne(result.sql);
  if (groups.length === 0) return;
  const bar = root.querySelector('.pg-sqls__bar');
  const notice = nPlusOneNotice(groups, hooks);
  if (bar) bar.after(notice);
  else root.prepend(notice);
  const list = root.querySelector('.pg-sql[aria-label="SQL statements"]');
  if (list) for (const group of groups) foldGroup(group, items, list);
}

/**
 * The N+1 groups of one request's statements (a route that loads related rows one query
 * per row), noticed and folded as in the run's log. Its rows' changes and "Tables after"
 * are not shown: the change log covers the run, not the requests after it.
 */
export function decorateRequestSql(root: HTMLElement, statements: readonly SqlStatement[], hooks: Pick<SqlInsightHooks, 'onLine'>): void {
  const items = Array.from(root.querySelectorAll<HTMLElement>('.pg-sql__item'));
  if (items.length !== statements.length) return;
  const groups = findNPlusOne(statements);
  if (groups.length === 0) return;
  const notice = nPlusOneNotice(groups, { ...hooks, openInTables: () => undefined });
  const bar = root.querySelector('.pg-sqls__bar');
  if (bar) bar.after(notice);
  else root.prepend(notice);
  const list = root.querySelector('.pg-sql[aria-label="SQL statements"]');
  if (list) for (const group of groups) foldGroup(group, items, list);
}
