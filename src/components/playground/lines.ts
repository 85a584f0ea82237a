/**
 * A program's lines as the playground's static code draws them (before Monaco loads): one
 * block per line, numbered in the gutter by CSS, wrapped with a hanging indent like Monaco's
 * `wrappingIndent: 'indent'`. Used at build time (static-code.ts) and for a saved program the
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

/** Plain (not highlighted) lines for `<code>`: a saved program shown until the editor loads. */
export function plainLines(doc: Document, code: string): Node[] {
  const nodes: Node[] = [];
  code.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push(doc.createTextNode('\n'));
    const block = doc.createElement('span');
    block.className = 'pg-l';
    block.style.setProperty('--i', String(indentColumns(line)));
    block.textContent = line;
    nodes.push(block);
  });
  return nodes;
}
