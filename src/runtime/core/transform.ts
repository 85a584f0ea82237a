/**
 * Turns a learner's ES module into the body of an async function the runtime can call
 * with its own module registry, keeping every line where the learner wrote it (so stack
 * lines map back by a fixed offset). acorn parses it: a syntax error is reported at its
 * line before anything runs.
 */
import { parse, type Node } from 'acorn';
import type { SourceLocation } from '../../schemas/run-result';
import { COUNTED_CONSTRUCTORS } from './typed-arrays';

/** The single name the rewritten program uses to reach the runtime. */
export const RUNTIME_BINDING = '__assoclab';
/** The guard the program calls at every loop iteration and function entry (./run-guard.ts). */
export const GUARD_BINDING = '__assoclab_guard';
/** The file name the program's stack frames carry; located frames are mapped back. */
export const PROGRAM_FILE = 'assoclab-program.js';

/** The values the rewritten program destructures from the runtime before its first line. */
export const SCOPE_NAMES = [
  'console',
  'process',
  'require',
  'module',
  'exports',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'fetch',
  // Counted stand-ins: their memory is outside the engine's heap (./typed-arrays.ts).
  ...COUNTED_CONSTRUCTORS,
] as const;

export interface ModuleRequest {
  specifier: string;
  location: SourceLocation;
}

export interface PreparedProgram {
  /** The body for `new AsyncFunction(RUNTIME_BINDING, body)`. */
  body: string;
  /** Lines the body adds before the learner's first line. */
  linesBefore: number;
  /** Every module the program imports or requires with a literal name, in order. */
  modules: ModuleRequest[];
  /** Names the program exports. */
  exportNames: string[];
  /**
   * The guard calls put into the program, per line of the learner's source: where each
   * one went (0-based character index in the learner's line) and how long it is, so a
   * column in the rewritten program maps back to the learner's.
   */
  inserted: Map<number, { at: number; length: number }[]>;
}

export class ProgramSyntaxError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const GUARD_CALL = `${GUARD_BINDING}();`;
const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

type AnyNode = Node & Record<string, unknown>;

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Visits every node below `root`, depth first. */
function walk(root: AnyNode, visit: (node: AnyNode) => void): void {
  visit(root);
  for (const key of Object.keys(root)) {
    if (key === 'loc') continue;
    const child = root[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) walk(item, visit);
    } else if (isNode(child)) {
      walk(child, visit);
    }
  }
}

/** Replacement text that keeps the original's line count, so later lines stay put. */
function sameLines(original: string, text: string): string {
  const breaks = original.split('\n').length - 1;
  return text + '\n'.repeat(breaks);
}

function nameOf(node: unknown): string {
  const n = node as { type: string; name?: string; value?: unknown };
  return n.type === 'Identifier' ? String(n.name) : String(n.value);
}

/** Identifiers a declaration pattern binds: `const { a, b: [c] } = ...` binds a and c. */
function boundNames(pattern: AnyNode, into: string[]): void {
  switch (pattern.type) {
    case 'Identifier':
      into.push(String(pattern.name));
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties as AnyNode[]) {
        boundNames((property.type === 'RestElement' ? property.argument : property.value) as AnyNode, into);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as (AnyNode | null)[]) if (element) boundNames(element, into);
      break;
    case 'RestElement':
      boundNames(pattern.argument as AnyNode, into);
      break;
    case 'AssignmentPattern':
      boundNames(pattern.left as AnyNode, into);
      break;
  }
}

function locationOf(source: string, offset: number): SourceLocation {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const importCall = (specifier: string) => `${RUNTIME_BINDING}.import(${JSON.stringify(specifier)})`;

/** Learners run the same program again and again: its rewrite is kept for the next run. */
const recentlyPrepared = new Map<string, PreparedProgram>();
const KEEP_PREPARED = 8;

export function prepareProgram(source: string): PreparedProgram {
  const known = recentlyPrepared.get(source);
  if (known) return known;
  const prepared = rewriteProgram(source);
  if (recentlyPrepared.size >= KEEP_PREPARED) recentlyPrepared.delete(recentlyPrepared.keys().next().value as string);
  recentlyPrepared.set(source, prepared);
  return prepared;
}

function rewriteProgram(source: string): PreparedProgram {
  // A leading #! line is legal in a module file but not in a function body.
  const text = source.replace(/^#![^\n]*/, (line) => ' '.repeat(line.length));
  let program: AnyNode;
  try {
    program = parse(text, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      locations: true,
    }) as unknown as AnyNode;
  } catch (error) {
    const e = error as Error & { loc?: { line: number; column: number } };
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new ProgramSyntaxError(message, { line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1 });
  }

  const edits: Edit[] = [];
  const modules: ModuleRequest[] = [];
  const exportBindings: [string, string][] = [];
  let reexportCount = 0;
  const replaceNode = (node: AnyNode, replacement: string) =>
    edits.push({ start: node.start, end: node.end, text: sameLines(text.slice(node.start, node.end), replacement) });
  const request = (specifier: string, node: AnyNode) => modules.push({ specifier, location: locationOf(text, node.start) });

  for (const statement of program.body as AnyNode[]) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const specifier = String((statement.source as AnyNode).value);
        request(specifier, statement);
        const parts: string[] = [];
        let namespace: string | null = null;
        for (const spec of statement.specifiers as AnyNode[]) {
          const local = nameOf(spec.local);
          if (spec.type === 'ImportDefaultSpecifier') parts.push(`default: ${local}`);
          else if (spec.type === 'ImportNamespaceSpecifier') namespace = local;
          else parts.push(`${JSON.stringify(nameOf(spec.imported))}: ${local}`);
        }
        const declarations: string[] = [];
        if (namespace) declarations.push(`const ${namespace} = ${importCall(specifier)};`);
        if (parts.length) declarations.push(`const { ${parts.join(', ')} } = ${importCall(specifier)};`);
        if (!declarations.length) declarations.push(`${importCall(specifier)};`);
        replaceNode(statement, declarations.join(' '));
        break;
      }
      case 'ExportNamedDeclaration': {
        const declaration = statement.declaration as AnyNode | null;
        if (declaration) {
          // `export const x = ...` -> `const x = ...`, bound by name below.
          edits.push({ start: statement.start, end: declaration.start, text: '' });
          const names: string[] = [];
          if (declaration.type === 'VariableDeclaration') {
            for (const declarator of declaration.declarations as AnyNode[]) boundNames(declarator.id as AnyNode, names);
          } else {
            names.push(nameOf(declaration.id));
          }
          for (const name of names) exportBindings.push([name, name]);
          break;
        }
        const from = statement.source as AnyNode | null;
        let target = '';
        if (from) {
          const specifier = String(from.value);
          request(specifier, statement);
          target = `__assoclab_reexport${reexportCount++}`;
        }
        for (const spec of statement.specifiers as AnyNode[]) {
          const local = nameOf(spec.local);
          exportBindings.push([nameOf(spec.exported), from ? `${target}[${JSON.stringify(local)}]` : local]);
        }
        replaceNode(statement, from ? `const ${target} = ${importCall(String(from.value))};` : '');
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration as AnyNode;
        const named = (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id;
        if (named) {
          edits.push({ start: statement.start, end: declaration.start, text: '' });
          exportBindings.push(['default', nameOf(declaration.id)]);
        } else {
          edits.push({ start: statement.start, end: declaration.start, text: 'const __assoclab_default = ' });
          exportBindings.push(['default', '__assoclab_default']);
        }
        break;
      }
      case 'ExportAllDeclaration': {
        const specifier = String((statement.source as AnyNode).value);
        request(specifier, statement);
        const exported = statement.exported as AnyNode | null;
        if (exported) {
          const target = `__assoclab_reexport${reexportCount++}`;
          replaceNode(statement, `const ${target} = ${importCall(specifier)};`);
          exportBindings.push([nameOf(exported), target]);
        } else {
          replaceNode(statement, `${RUNTIME_BINDING}.exportAll(${importCall(specifier)});`);
        }
        break;
      }
    }
  }

  walk(program, (node) => {
    if (node.type === 'ImportExpression') {
      edits.push({ start: node.start, end: node.start + 'import'.length, text: `${RUNTIME_BINDING}.dynamicImport` });
    } else if (node.type === 'MetaProperty' && nameOf(node.meta) === 'import') {
      edits.push({ start: node.start, end: node.end, text: `${RUNTIME_BINDING}.importMeta` });
    } else if (node.type === 'CallExpression') {
      const callee = node.callee as AnyNode;
      const [first] = node.arguments as AnyNode[];
      if (callee.type === 'Identifier' && callee.name === 'require' && first?.type === 'Literal' && typeof first.value === 'string') {
        request(first.value, node);
      }
    }
  });

  // Guards: at the top of every loop body and every function body, so a program over its
  // budgets is ended from inside (./run-guard.ts). Inserted text adds no line.
  const insertions: { at: number; text: string }[] = [];
  const insert = (at: number, inserted: string) => {
    insertions.push({ at, text: inserted });
    edits.push({ start: at, end: at, text: inserted });
  };
  walk(program, (node) => {
    let body: AnyNode | undefined;
    if (LOOPS.has(node.type) || FUNCTIONS.has(node.type)) body = node.body as AnyNode;
    if (!body) return;
    if (body.type === 'BlockStatement') insert(body.start + 1, GUARD_CALL);
    else if (LOOPS.has(node.type)) {
      // `while (x) i++;` becomes `while (x) {guard();i++;}`.
      insert(body.start, `{${GUARD_CALL}`);
      insert(body.end, '}');
    } else {
      // An arrow's expression body: `x => x * 2` becomes `x => (guard(), x * 2)`.
      insert(body.start, `(${GUARD_BINDING}(), `);
      insert(body.end, ')');
    }
  });

  // Later edits first, so earlier offsets stay valid; at one offset, a replacement before
  // an insertion, so the inserted text lands in front of the replaced one.
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let body = text;
  for (const edit of edits) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);

  const getters = exportBindings.map(([exported, local]) => `${JSON.stringify(exported)}: () => ${local}`).join(', ');
  // The first line is ours: strict mode (modules are strict), the runtime's stand-ins for
  // globals, and lazy getters for the exports. The learner's program starts on line 2,
  // inside a block so that it may declare `console` or `require` itself.
  const header =
    `"use strict"; const { ${SCOPE_NAMES.join(', ')} } = ${RUNTIME_BINDING}.scope; const ${GUARD_BINDING} = ${RUNTIME_BINDING}.guard; ` +
    `{ ${RUNTIME_BINDING}.bindExports({ ${getters} });`;
  const inserted = new Map<number, { at: number; length: number }[]>();
  for (const { at, text: piece } of insertions.sort((a, b) => a.at - b.at)) {
    const { line, column } = locationOf(text, at);
    const list = inserted.get(line) ?? [];
    list.push({ at: column - 1, length: piece.length });
    inserted.set(line, list);
  }
  return {
    body: `${header}\n${body}\n}\n//# sourceURL=${PROGRAM_FILE}`,
    linesBefore: 1,
    modules,
    exportNames: exportBindings.map(([exported]) => exported),
    inserted,
  };
}
