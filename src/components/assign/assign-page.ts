/**
 * The Assign page in the browser (src/pages/assign.astro): the catalogue's filters, the
 * picks and their points, and the outcome: the learner's link (Copy, Open) and
 * assignment.json, or what is still missing. The form is kept in localStorage while the
 * instructor edits; the assignment's id is made once and kept until "Start a new assignment".
 *
 * A field's problem is shown beside it once the instructor has been there (the title after
 * leaving it, points as they type, the picks after unpicking the last one), and every
 * problem after a press on Copy or Download; until then the share panel lists what is missing.
 */
import type { Assignment } from '../../schemas/assignment';
import { maxPoints } from '../../schemas/assignment';
import { readCatalogue } from './catalogue-data';
import { draftToAssignment, emptyDraft, newAssignmentId, readDraft, type Draft, type Problem } from './draft';
import { copyText, downloadJson } from './files';
import { describeShown, matchesFilter, type CatalogueFilter } from './filter';
import { assignmentLink } from './link';
import { draftStore } from './storage';

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`The Assign page is missing ${selector}.`);
  return found;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export function startAssignPage(doc: Document = document): void {
  const found = doc.querySelector<HTMLFormElement>('[data-assign-form]');
  if (!found) return;
  const form: HTMLFormElement = found;
  const part = <T extends Element>(name: string): T => required<T>(form, `[data-part="${name}"]`);
  const catalogue = readCatalogue(doc);
  const order = catalogue.map((entry) => entry.id);
  const titles = new Map(catalogue.map((entry) => [entry.id, entry.title]));
  const titleOf = (id: string): string => titles.get(id) ?? id;

  const titleInput = required<HTMLInputElement>(form, '#assign-title');
  const dueInput = required<HTMLInputElement>(form, '#assign-due');
  const filters = [...form.querySelectorAll<HTMLSelectElement>('[data-filter]')];
  const rows = [...form.querySelectorAll<HTMLElement>('.pick[data-exercise]')];
  const rowOf = new Map(rows.map((row) => [row.dataset.exercise ?? '', row]));
  const boxOf = (row: HTMLElement) => required<HTMLInputElement>(row, '[data-part="pick"]');
  const pointsOf = (row: HTMLElement) => required<HTMLInputElement>(row, '[data-part="points"]');

  let draft: Draft = readDraft(draftStore.get()) ?? emptyDraft();
  /** Fields whose problem is shown beside them. */
  const shown = new Set<string>();
  let current: Assignment | undefined;

  /* The form from the draft (on load, and for a new assignment). */
  function fillForm(): void {
    titleInput.value = draft.title;
    dueInput.value = draft.due;
    const picked = new Set(draft.picked);
    for (const [id, row] of rowOf) {
      boxOf(row).checked = picked.has(id);
      const points = draft.points[id];
      if (points !== undefined) pointsOf(row).value = points;
    }
  }

  function save(): void {
    draftStore.set(JSON.stringify(draft));
  }

  function applyFilters(): void {
    const filter: CatalogueFilter = { topic: '', difficulty: '' };
    for (const select of filters) if (select.dataset.filter === 'topic' || select.dataset.filter === 'difficulty') filter[select.dataset.filter] = select.value;
    let visible = 0;
    for (const entry of catalogue) {
      const row = rowOf.get(entry.id);
      if (!row) continue;
      const show = matchesFilter(entry, filter);
      row.hidden = !show;
      if (show) visible += 1;
    }
    const picked = draft.picked.filter((id) => rowOf.has(id)).length;
    part('shown').textContent = `${describeShown(visible, catalogue.length)}${picked > 0 ? ` · ${picked} picked` : ''}`;
    part<HTMLElement>('empty').hidden = visible > 0;
  }

  /** The control a problem's field names (the first visible pick for `exercises`). */
  function controlFor(field: string): HTMLInputElement | undefined {
    if (field === 'title') return titleInput;
    if (field === 'due') return dueInput;
    const row = field.startsWith('points:') ? rowOf.get(field.slice('points:'.length)) : undefined;
    if (row) return pointsOf(row);
    if (field === 'exercises') return (rows.find((item) => !item.hidden) ?? rows[0])?.querySelector<HTMLInputElement>('[data-part="pick"]') ?? undefined;
    return undefined;
  }

  function showProblems(problems: Problem[]): void {
    for (const slot of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const field = slot.dataset.errorFor ?? '';
      const problem = shown.has(field) ? problems.find((item) => item.field === field) : undefined;
      slot.hidden = !problem;
      slot.textContent = problem?.message ?? '';
      if (field === 'exercises') continue;
      const control = controlFor(field);
      if (problem) control?.setAttribute('aria-invalid', 'true');
      else control?.removeAttribute('aria-invalid');
    }
  }

  function render(): void {
    const result = draftToAssignment(draft, order, titleOf);
    current = result.ok ? result.assignment : undefined;
    const problems = result.ok ? [] : result.problems;

    const picked = order.filter((id) => draft.picked.includes(id));
    for (const [id, row] of rowOf) {
      const on = picked.includes(id);
      row.toggleAttribute('data-picked', on);
      pointsOf(row).disabled = !on;
    }
    const points = current ? maxPoints(current) : undefined;
    part('summary').textContent =
      picked.length === 0
        ? 'No exercise picked yet.'
        : `${plural(picked.length, 'exercise', 'exercises')}${points === undefined ? '' : `, ${plural(points, 'point', 'points')} in all`}`;
    part('picked').replaceChildren(
      ...picked.map((id) => {
        const item = doc.createElement('li');
        const pointsText = rowOf.get(id) ? pointsOf(rowOf.get(id) as HTMLElement).value : '';
        item.textContent = `${titleOf(id)} (${/^\d+$/.test(pointsText) ? plural(Number(pointsText), 'point', 'points') : 'points?'})`;
        return item;
      }),
    );

    part<HTMLElement>('missing').hidden = current !== undefined;
    part('missing-list').replaceChildren(
      ...problems.map((problem) => {
        const item = doc.createElement('li');
        item.textContent = problem.message;
        return item;
      }),
    );
    part<HTMLElement>('ready').hidden = current === undefined;
    const open = part<HTMLAnchorElement>('open');
    open.hidden = current === undefined;
    if (current) {
      const link = assignmentLink(location.origin, current);
      part<HTMLTextAreaElement>('link').value = link;
      open.href = link;
    } else {
      part<HTMLTextAreaElement>('link').value = '';
      open.removeAttribute('href');
    }
    part('id').textContent = draft.id;
    showProblems(problems);
    applyFilters();
  }

  function changed(): void {
    save();
    render();
    setStatus('');
  }

  function setStatus(text: string, tone: 'ok' | 'bad' | '' = ''): void {
    const status = part<HTMLElement>('status');
    status.textContent = text;
    if (tone) status.dataset.tone = tone;
    else delete status.dataset.tone;
  }

  /** Copy and Download with something missing: every problem beside its field, focus on the first. */
  function refuse(): void {
    const result = draftToAssignment(draft, order, titleOf);
    if (result.ok) return;
    for (const problem of result.problems) shown.add(problem.field);
    render();
    setStatus('Not yet: first fix the fields marked in the form.', 'bad');
    const target = controlFor(result.problems[0]?.field ?? '');
    target?.focus();
  }

  titleInput.addEventListener('input', () => {
    draft.title = titleInput.value;
    changed();
  });
  titleInput.addEventListener('blur', () => {
    shown.add('title');
    render();
  });
  dueInput.addEventListener('change', () => {
    draft.due = dueInput.value;
    shown.add('due');
    changed();
  });
  for (const select of filters) select.addEventListener('change', applyFilters);
  for (const [id, row] of rowOf) {
    const box = boxOf(row);
    box.addEventListener('change', () => {
      draft.picked = box.checked ? [...new Set([...draft.picked, id])] : draft.picked.filter((other) => other !== id);
      if (draft.picked.length === 0) shown.add('exercises');
      changed();
    });
    const points = pointsOf(row);
    points.addEventListener('input', () => {
      draft.points[id] = points.value;
      shown.add(`points:${id}`);
      changed();
    });
  }
  form.addEventListener('submit', (event) => event.preventDefault());

  part('copy').addEventListener('click', async () => {
    if (!current) return refuse();
    const link = part<HTMLTextAreaElement>('link');
    if (await copyText(link.value)) setStatus('Link copied. Paste it where your learners will find it.', 'ok');
    else {
      link.focus();
      link.select();
      setStatus('This browser would not copy: the link is selected, press Ctrl+C (⌘C on a Mac).', 'bad');
    }
  });
  part('download').addEventListener('click', () => {
    if (!current) return refuse();
    downloadJson('assignment.json', current);
    setStatus('assignment.json downloaded: keep it for the grader.', 'ok');
  });
  part('new').addEventListener('click', () => {
    if (draft.title !== '' || draft.picked.length > 0) {
      if (!window.confirm('Start a new assignment? This clears the title, the due date and the picks, and makes a new id.')) return;
    }
    draft = emptyDraft(newAssignmentId());
    shown.clear();
    for (const row of rows) pointsOf(row).value = pointsOf(row).defaultValue;
    fillForm();
    changed();
    titleInput.focus();
  });

  fillForm();
  save();
  render();
}
