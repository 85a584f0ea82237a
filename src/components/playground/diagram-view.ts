/**
 * The Diagram panel: the entity-relationship diagram of the last run's models, laid out by
 * dagre (a layered graph layout) and drawn as SVG here: one box per model with its table,
 * columns, types, primary and foreign keys; one labelled edge per association (type,
 * alias, foreign key; a belongsToMany passes through its join table). Colours come from the
 * playground's theme variables, so the diagram follows the light and dark themes as they
 * change. It scrolls and zooms inside its panel (drag to move with a mouse), and lists the
 * associations in words below.
 *
 * This module (with dagre) is loaded the first time the Diagram tab is opened.
 */
import dagre from '@dagrejs/dagre';
import type { RunResult } from '../../schemas/run-result';
import { diagramOf, type Diagram, type DiagramEntity, type DiagramRelation } from '../../insight/diagram';
import { h } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const HEADER_H = 30;
const ROW_H = 20;
const PAD_X = 10;
const BADGE_W = 24;
const LABEL_LINE_H = 15;
const ZOOMS = [0.25, 0.33, 0.4, 0.5, 0.6, 0.75, 0.9, 1, 1.15, 1.35, 1.6, 2];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: Array<Node | string>
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** Text widths, measured with the fonts the diagram is drawn in. */
function measurer(host: Element): (text: string, font: 'title' | 'mono' | 'label' | 'label-bold' | 'small') => number {
  const context = document.createElement('canvas').getContext('2d');
  const style = getComputedStyle(host);
  const mono = style.getPropertyValue('--pg-mono').trim() || 'monospace';
  const sans = style.fontFamily || 'system-ui, sans-serif';
  const fonts = {
    title: `650 13px ${sans}`,
    mono: `12px ${mono}`,
    label: `11px ${sans}`,
    'label-bold': `700 11px ${sans}`,
    small: `11px ${sans}`,
  };
  return (text, font) => {
    if (!context) return text.length * 7.4;
    context.font = fonts[font];
    return context.measureText(text).width;
  };
}

interface Box {
  entity: DiagramEntity;
  width: number;
  height: number;
  nameWidth: number;
}

interface EdgeSpec {
  relation: DiagramRelation;
  /** Which part of a relation drawn through a join table. */
  part: 'whole' | 'to-join' | 'from-join';
  from: string;
  to: string;
  lines: [string, string];
  width: number;
}

/** The label of an edge: its type, then alias and keys. */
function labelLines(relation: DiagramRelation, part: EdgeSpec['part']): [string, string] {
  if (part === 'from-join') return ['', `${relation.otherKey ?? ''} → ${relation.target}`];
  return [relation.method, `as ${relation.as} · ${relation.foreignKey}`];
}

function layout(diagram: Diagram, measure: ReturnType<typeof measurer>, direction: 'LR' | 'TB') {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: direction, nodesep: 40, ranksep: direction === 'LR' ? 120 : 90, edgesep: 28, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, Box>();
  for (const entity of diagram.entities) {
    const title = measure(entity.name, 'title') + 12 + measure(entity.table, 'small');
    const names = Math.max(0, ...entity.columns.map((column) => measure(column.name, 'mono')));
    const types = Math.max(0, ...entity.columns.map((column) => measure(column.type, 'mono')));
    const width = Math.ceil(Math.max(title + 2 * PAD_X, PAD_X + BADGE_W + names + 18 + types + PAD_X, 140));
    const height = HEADER_H + Math.max(1, entity.columns.length) * ROW_H + 6;
    boxes.set(entity.name, { entity, width, height, nameWidth: names });
    graph.setNode(entity.name, { width, height });
  }
  diagram.relations.forEach((relation, index) => {
    if (!boxes.has(relation.source) || !boxes.has(relation.target)) return;
    const parts: Array<[EdgeSpec['part'], string, string]> =
      relation.through && boxes.has(relation.through)
        ? [
            ['to-join', relation.source, relation.through],
            ['from-join', relation.through, relation.target],
          ]
        : [['whole', relation.source, relation.target]];
    for (const [part, from, to] of parts) {
      const lines = labelLines(relation, part);
      const width = Math.ceil(Math.max(measure(lines[0], 'label-bold'), measure(lines[1], 'label')) + 10);
      const height = (lines[0] ? 2 : 1) * LABEL_LINE_H + 6;
      const spec: EdgeSpec = { relation, part, from, to, lines, width };
      graph.setEdge(from, to, { width, height, labelpos: 'c', spec }, `${index}-${part}`);
    }
  });
  dagre.layout(graph);
  return { graph, boxes };
}

/** A smooth path through dagre's points. */
function pathThrough(points: Array<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first!.x.toFixed(1)},${first!.y.toFixed(1)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const here = rest[i]!;
    const after = rest[i + 1]!;
    d += ` Q${here.x.toFixed(1)},${here.y.toFixed(1)} ${((here.x + after.x) / 2).toFixed(1)},${((here.y + after.y) / 2).toFixed(1)}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${last.x.toFixed(1)},${last.y.toFixed(1)}`;
  return d;
}

let uid = 0;

function drawEntity(box: Box, x: number, y: number): SVGGElement {
  const { entity, width, height } = box;
  const left = x - width / 2;
  const top = y - height / 2;
  const group = svg('g', { class: `pg-er__entity${entity.joinTable ? ' pg-er__entity--join' : ''}`, 'data-entity': entity.name });
  group.append(
    svg('rect', { class: 'pg-er__box', x: left, y: top, width, height, rx: 6 }),
    svg('path', { class: 'pg-er__head', d: `M${left},${top + 6} a6,6 0 0 1 6,-6 h${width - 12} a6,6 0 0 1 6,6 v${HEADER_H - 6} h${-width} z` }),
    svg('text', { class: 'pg-er__name', x: left + PAD_X, y: top + 19 }, entity.name),
    svg('text', { class: 'pg-er__table', x: left + width - PAD_X, y: top + 19, 'text-anchor': 'end' }, entity.table),
  );
  entity.columns.forEach((column, index) => {
    const rowY = top + HEADER_H + index * ROW_H + 14;
    // A key that is both (a join table's) shows PK; its name is drawn as a foreign key's.
    const badge = column.primaryKey ? 'PK' : column.references ? 'FK' : '';
    if (badge) group.append(svg('text', { class: `pg-er__badge pg-er__badge--${badge.toLowerCase()}`, x: left + PAD_X, y: rowY }, badge));
    const name = svg('text', { class: `pg-er__column${column.references ? ' pg-er__column--fk' : ''}`, x: left + PAD_X + BADGE_W, y: rowY }, column.name);
    group.append(name, svg('text', { class: 'pg-er__type', x: left + width - PAD_X, y: rowY, 'text-anchor': 'end' }, column.type));
  });
  return group;
}

/** Draws the laid-out diagram as an SVG (sized 1:1; the caller zooms it). */
function drawDiagram(
  diagram: Diagram,
  measure: ReturnType<typeof measurer>,
  direction: 'LR' | 'TB',
): { element: SVGSVGElement; width: number; height: number } {
  const { graph, boxes } = layout(diagram, measure, direction);
  const size = graph.graph();
  const width = Math.ceil(size.width ?? 200);
  const height = Math.ceil(size.height ?? 100);
  const id = `pg-er-${++uid}`;
  const title = `Diagram of ${diagram.entities.length} model${diagram.entities.length === 1 ? '' : 's'} (${diagram.entities.map((entity) => entity.name).join(', ')}) and ${diagram.relations.length} association${diagram.relations.length === 1 ? '' : 's'}, listed in words below`;
  const element = svg(
    'svg',
    { class: 'pg-er__svg', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title` },
    svg('title', { id: `${id}-title` }, title),
  );
  const defs = svg('defs');
  for (const method of ['hasMany', 'belongsTo', 'hasOne', 'belongsToMany']) {
    defs.append(
      svg(
        'marker',
        {
          id: `${id}-arrow-${method}`,
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 8,
          markerHeight: 8,
          orient: 'auto-start-reverse',
          class: `pg-er__arrow pg-er__arrow--${method}`,
        },
        svg('path', { d: 'M0,0 L10,5 L0,10 z' }),
      ),
    );
  }
  element.append(defs);
  const edgeLayer = svg('g', { class: 'pg-er__edges' });
  const labelLayer = svg('g', { class: 'pg-er__labels' });
  for (const edge of graph.edges()) {
    const label = graph.edge(edge) as { points?: Array<{ x: number; y: number }>; x?: number; y?: number; spec?: EdgeSpec; height?: number };
    const spec = label.spec;
    if (!spec) continue;
    const method = spec.relation.method;
    edgeLayer.append(
      svg('path', {
        class: `pg-er__edge pg-er__edge--${method}${spec.part === 'to-join' ? ' pg-er__edge--to-join' : ''}`,
        d: pathThrough(label.points ?? []),
        ...(spec.part === 'to-join' ? {} : { 'marker-end': `url(#${id}-arrow-${method})` }),
        'data-relation': `${spec.relation.source} ${method} ${spec.relation.target}`,
      }),
    );
    if (label.x === undefined || label.y === undefined) continue;
    const lines = spec.lines.filter(Boolean);
    const boxHeight = lines.length * LABEL_LINE_H + 6;
    const group = svg('g', { class: `pg-er__label pg-er__label--${method}`, 'data-relation': `${spec.relation.source} ${method} ${spec.relation.target}` });
    group.append(
      svg('rect', { class: 'pg-er__label-box', x: label.x - spec.width / 2, y: label.y - boxHeight / 2, width: spec.width, height: boxHeight, rx: 4 }),
    );
    lines.forEach((line, index) => {
      const bold = index === 0 && spec.lines[0] !== '';
      group.append(
        svg(
          'text',
          {
            class: bold ? 'pg-er__label-type' : 'pg-er__label-text',
            x: label.x!,
            y: label.y! - boxHeight / 2 + 3 + LABEL_LINE_H * (index + 1) - 4,
            'text-anchor': 'middle',
          },
          line,
        ),
      );
    });
    labelLayer.append(group);
  }
  const nodeLayer = svg('g', { class: 'pg-er__entities' });
  for (const name of graph.nodes()) {
    const node = graph.node(name) as { x: number; y: number };
    const box = boxes.get(name);
    if (box) nodeLayer.append(drawEntity(box, node.x, node.y));
  }
  element.append(edgeLayer, nodeLayer, labelLayer);
  return { element, width, height };
}

/** The associations (and the tables) in words: the diagram's text alternative. */
function inWords(diagram: Diagram): HTMLElement {
  const id = `pg-er-words-${++uid}`;
  return h(
    'div',
    { class: 'pg-er__words' },
    h('p', { class: 'pg-er__words-title', id }, 'Associations in words'),
    diagram.relations.length
      ? h('ul', { 'aria-labelledby': id }, ...diagram.relations.map((relation) => h('li', {}, relation.sentence)))
      : h('p', { class: 'pg-empty' }, 'No associations: no model is linked to another yet.'),
    h(
      'details',
      { class: 'pg-er__columns' },
      h('summary', {}, 'Tables and columns in words'),
      h(
        'ul',
        {},
        ...diagram.entities.map((entity) =>
          h(
            'li',
            {},
            `${entity.name} (table ${entity.table}${entity.joinTable ? ', a join table' : ''}): `,
            entity.columns
              .map(
                (column) =>
                  `${column.name} ${column.type}${column.primaryKey ? ', primary key' : ''}${column.references ? `, foreign key to ${column.references}` : ''}`,
              )
              .join('; '),
          ),
        ),
      ),
    ),
  );
}

/** The Diagram panel's content for a run. `host` is the panel (its width picks the layout's direction). */
export function renderDiagram(result: RunResult, host: HTMLElement): HTMLElement {
  const diagram = diagramOf(result.models);
  const root = h('div', { class: 'pg-er' });
  if (diagram.entities.length === 0) {
    root.append(
      h(
        'div',
        { class: 'pg-empty' },
        result.error && result.models.models.length === 0
          ? 'The program stopped before it defined any model, so there is nothing to draw.'
          : 'The program defines no models. Define them with sequelize.define() and link them with associations to see them here.',
      ),
    );
    return root;
  }
  const available = host.clientWidth || 600;
  // Left to right reads best; top to bottom when that fits the panel better (a phone, a long chain of models).
  const measure = measurer(host);
  const across = drawDiagram(diagram, measure, 'LR');
  const down = drawDiagram(diagram, measure, 'TB');
  const fitOf = (drawing: { width: number }) => Math.min(1, available / drawing.width);
  const drawn = fitOf(down) > fitOf(across) ? down : across;
  const viewport = h('div', { class: 'pg-er__viewport', tabindex: 0, role: 'region', 'aria-label': 'Diagram, scrollable' });
  viewport.append(drawn.element);
  const readout = h('span', { class: 'pg-er__zoom', 'aria-live': 'polite' });
  const zoomOut = h('button', { type: 'button', class: 'pg-er__button', 'aria-label': 'Zoom out' }, '−');
  const zoomIn = h('button', { type: 'button', class: 'pg-er__button', 'aria-label': 'Zoom in' }, '+');
  const fit = h('button', { type: 'button', class: 'pg-er__button pg-er__button--text', 'aria-label': 'Fit to width' }, 'Fit');
  let zoom = 1;
  const apply = (next: number) => {
    zoom = Math.max(ZOOMS[0]!, Math.min(ZOOMS[ZOOMS.length - 1]!, next));
    drawn.element.setAttribute('width', String(Math.round(drawn.width * zoom)));
    drawn.element.setAttribute('height', String(Math.round(drawn.height * zoom)));
    readout.textContent = `${Math.round(zoom * 100)}%`;
    zoomOut.disabled = zoom <= ZOOMS[0]!;
    zoomIn.disabled = zoom >= ZOOMS[ZOOMS.length - 1]!;
  };
  const step = (direction: 1 | -1) => {
    const next = direction > 0 ? ZOOMS.find((value) => value > zoom + 0.001) : [...ZOOMS].reverse().find((value) => value < zoom - 0.001);
    if (next !== undefined) apply(next);
  };
  const fitWidth = () => apply(Math.min(1, Math.max(ZOOMS[0]!, (viewport.clientWidth || available) / drawn.width)));
  zoomOut.addEventListener('click', () => step(-1));
  zoomIn.addEventListener('click', () => step(1));
  fit.addEventListener('click', fitWidth);
  viewport.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') step(1);
    else if (event.key === '-' || event.key === '_') step(-1);
    else return;
    event.preventDefault();
  });
  // Drag to move around with a mouse (touch scrolls natively).
  let drag: { x: number; y: number; left: number; top: number } | undefined;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'mouse' || event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
    viewport.classList.add('pg-er__viewport--dragging');
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag) return;
    viewport.scrollLeft = drag.left - (event.clientX - drag.x);
    viewport.scrollTop = drag.top - (event.clientY - drag.y);
  });
  const endDrag = () => {
    drag = undefined;
    viewport.classList.remove('pg-er__viewport--dragging');
  };
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointerleave', endDrag);
  apply(drawn.width > available ? Math.max(ZOOMS[0]!, available / drawn.width) : 1);
  root.append(
    h(
      'div',
      { class: 'pg-er__bar', role: 'group', 'aria-label': 'Diagram zoom' },
      zoomOut,
      readout,
      zoomIn,
      fit,
      h('span', { class: 'pg-er__hint' }, 'Scroll or drag to move around.'),
    ),
    viewport,
    inWords(diagram),
  );
  return root;
}
