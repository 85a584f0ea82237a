/**
 * A program's lines as the playground's static code draws them (before Monaco loads): one
 * block per line, numbered in the gutter by CSS, wrapped with a hanging indent like Monaco's
 * `wrappingIndent: 'indent'`, with Monaco's indentation guides. Used at build time (static-code.ts) and for a saved program the
 * page restores before the editor is there (element.ts).
 */

/** The columns a line is indented by (a tab counts as the editor's tab size, 2). */
export function indentColumns(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 2;
    else break;
  }
  return columns;
}

/** The editor's indent size, in columns: one indentation guide per level. */
const INDENT_SIZE = 2;

/**
 * How many indentation guides Monaco draws on each line (its getLinesIndentGuides, for a
 * language that is not indentation-based): a line with content, one per started level of its
 * indent; a blank line, as the block around it.
 */
export function indentGuides(lines: readonly string[]): number[] {
  const indents = lines.map((line) => (line.trim() === '' ? -1 : indentColumns(line)));
  const contentAt = (from: number, step: 1 | -1): number => {
    for (let index = from; index >= 0 && index < indents.length; index += step) {
      const indent = indents[index] ?? -1;
      if (indent >= 0) return indent;
    }
    return -1;
  };
  return indents.map((indent, index) => {
    if (indent >= 0) return Math.ceil(indent / INDENT_SIZE);
    const above = contentAt(index - 1, -1);
    const below = contentAt(index + 1, 1);
    if (above === -1 || below === -1) return 0;
    if (above < below) return 1 + Math.floor(above / INDENT_SIZE);
    if (above === below) return Math.ceil(below / INDENT_SIZE);
    return 1 + Math.floor(below / INDENT_SIZE);
  });
}

/** The style of a line block: its indent (for the wrapped lines' hanging indent) and its guides. */
export function lineStyle(line: string, guides: number): string {
  return `--i:${indentColumns(line)};--g:${guides}`;
}

/** Plain (not highlighted) lines for `<code>`: a saved program shown until the editor loads. */
export function plainLines(doc: Document, code: string): Node[] {
  const nodes: Node[] = [];
  const lines = code.split('\n');
  const guides = indentGuides(lines);
  lines.forEach((line, index) => {
    if (index > 0) nodes.push(doc.createTextNode('\n'));
    const block = doc.createElement('span');
    block.className = 'pg-l';
    block.setAttribute('style', lineStyle(line, guides[index] ?? 0));
    block.textContent = line;
    nodes.push(block);
  });
  return nodes;
}
