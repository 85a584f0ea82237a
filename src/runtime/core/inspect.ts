/**
 * How the runtime prints values: with Node's own util.inspect, handed in by the host (Node:
 * `node:util`; the browser worker: node-inspect-extracted, Node's inspect.js extracted
 * for the web), so console.log prints what `node program.js` prints.
 *
 * One view is ours on purpose: a Sequelize model instance prints as its class name and data
 * values (`User { id: 1, name: 'Alice' }`), not the dozens of internal fields Node would show.
 */

/** The options of util.inspect the runtime passes (Node's names and meanings). */
export interface InspectOptions {
  depth?: number | null;
  customInspect?: boolean;
  maxArrayLength?: number | null;
  breakLength?: number;
  colors?: boolean;
}

/** Node's util.inspect and util.formatWithOptions, from the host. */
export interface Printer {
  inspect(value: unknown, options?: InspectOptions): string;
  formatWithOptions(options: InspectOptions, ...args: unknown[]): string;
}

/** The symbol util.inspect (Node's and node-inspect-extracted) looks up on a value. */
const CUSTOM_INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** While above zero, model instances print as their data values (only while a program prints). */
let showingModels = 0;

/** Runs `print` with model instances shown as their data values. */
export function printingForLearner<T>(print: () => T): T {
  showingModels++;
  try {
    return print();
  } finally {
    showingModels--;
  }
}

/** An object that util.inspect prints as `Label { ...data }`. */
function labelled(label: string, data: Record<string, unknown>): object {
  const named = { [label]: class {} }[label]!;
  const view = new named() as Record<string, unknown>;
  for (const key of Object.keys(data)) Object.defineProperty(view, key, { value: data[key], enumerable: true, writable: true, configurable: true });
  return view;
}

/**
 * Teaches util.inspect to print instances of `Model` (Sequelize's base class) as their class
 * name and data values, while printingForLearner is running; elsewhere (Sequelize's own
 * messages, the host's logs) they print as usual. Installed once per realm.
 */
export function showModelInstancesAsData(Model: { prototype: object }): void {
  if (Object.prototype.hasOwnProperty.call(Model.prototype, CUSTOM_INSPECT)) return;
  Object.defineProperty(Model.prototype, CUSTOM_INSPECT, { configurable: true, writable: true, value: modelView });
}

function modelView(this: { constructor: { name: string }; dataValues?: Record<string, unknown> }): object {
  // Returning the value itself tells util.inspect to print it as it would have.
  if (!showingModels || typeof this.dataValues !== 'object' || this.dataValues === null) return this;
  // An object (not a string) is printed in place: depth, indentation and line breaks as Node's.
  return labelled(this.constructor.name, this.dataValues);
}

/** The options Node's console.table inspects a cell with (lib/internal/console/constructor.js). */
function tableCellOptions(value: unknown): InspectOptions {
  const depth = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 2 ? -1 : 0;
  return { depth, maxArrayLength: 3, breakLength: Infinity, colors: false };
}

/** The data a console.table row shows: a model instance's data values (our view), else the value. */
function rowData(row: unknown): unknown {
  if (showingModels && typeof row === 'object' && row !== null && (row as Record<symbol, unknown>)[CUSTOM_INSPECT] === modelView) {
    const data = (row as { dataValues?: unknown }).dataValues;
    if (typeof data === 'object' && data !== null) return data;
  }
  return row;
}

/** console.table, drawn as Node 20 draws it (left-aligned cells, the same box characters). */
export function formatTable(data: unknown, printer: Printer): string {
  if (typeof data !== 'object' || data === null) return printer.formatWithOptions({}, data);
  const cell = (value: unknown) => printer.inspect(value, tableCellOptions(value));
  const rows = Object.entries(data as Record<string, unknown>);
  const columns: string[] = [];
  let hasValues = false;
  const cells = rows.map(([index, row]) => {
    const record: Record<string, string> = { '(index)': index };
    const view = rowData(row);
    if (typeof view === 'object' && view !== null) {
      for (const [key, value] of Object.entries(view)) {
        if (!columns.includes(key)) columns.push(key);
        record[key] = cell(value);
      }
    } else {
      hasValues = true;
      record.Values = cell(view);
    }
    return record;
  });
  const header = ['(index)', ...columns, ...(hasValues ? ['Values'] : [])];
  const widths = header.map((name) => Math.max(name.length, ...cells.map((record) => (record[name] ?? '').length)) + 2);
  const line = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const row = (values: string[]) => `│${values.map((value, i) => ` ${value.padEnd((widths[i] ?? 2) - 1)}`).join('│')}│`;
  return [
    line('┌', '┬', '┐'),
    row(header),
    line('├', '┼', '┤'),
    ...cells.map((record) => row(header.map((name) => record[name] ?? ''))),
    line('└', '┴', '┘'),
  ].join('\n');
}
