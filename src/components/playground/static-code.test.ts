import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { highlightProgram } from './static-code';
import { indentColumns, indentGuides } from './lines';

/** Each line as "class:text" pieces (plain text as "_:text"), whitespace-only pieces left out. */
function classes(html: string): string[][] {
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return html.split('\n').map((line) =>
    [
      ...line
        .replace(/<wbr>/g, '')
        .replace(/^<span class="pg-l"[^>]*>|<\/span>$/g, '')
        .matchAll(/<span class="tok-(\w+)">([^<]*)<\/span>|([^<]+)|<wbr>/g),
    ]
      .flatMap((match) =>
        match[1]
          ? [`${match[1]}:${decode(match[2] ?? '').trim()}`]
          : (match[3] ?? '')
              .trim()
              .split(/\s+/)
              .map((word) => `_:${decode(word)}`),
      )
      .filter((piece) => !/^\w+:$/.test(piece)),
  );
}

describe('the static code, classed as Monaco’s tokenizer classes it', () => {
  it('keywords by the list wherever they stand, capitalised words as types, other words plain', async () => {
    const [line] = classes(await highlightProgram('const user = await User.get(of);', 'javascript'));
    expect(line).toEqual(['k:const', '_:user', 'd:=', 'k:await', 't:User', 'd:.', 'k:get', 'b1:(', 'k:of', 'b1:)', 'd:;']);
  });

  it('strings, numbers, comments and regular expressions from the lexer, with nothing classed inside them', async () => {
    const lines = classes(await highlightProgram("const a = 'new User(1)'; // User.get()\nconst b = /ab+c/g.test(`x ${User} 2`) + 42;", 'javascript'));
    const only = (line: string[] | undefined, cls: string) =>
      (line ?? [])
        .filter((piece) => piece.startsWith(`${cls}:`))
        .map((piece) => piece.slice(cls.length + 1))
        .join(' ');
    expect(only(lines[0], 's')).toBe("'new User(1)'");
    expect(only(lines[0], 'c')).toBe('// User.get()');
    expect(lines[0]).not.toContain('t:User');
    expect(only(lines[1], 'r')).toBe('/ab+c/g');
    expect(lines[1]).toContain('n:42');
    // Inside a template literal's ${…}: code again, its brace a bracket.
    expect(lines[1]).toEqual(expect.arrayContaining(['b2:{', 't:User', 'b2:}']));
    expect(only(lines[1], 's')).toBe('`x 2`');
  });

  it('brackets coloured by depth, in three colours that repeat, across lines', async () => {
    const lines = classes(await highlightProgram('f({ a: [g(h(1))] });\n}', 'javascript'));
    expect(lines[0]?.filter((piece) => piece.startsWith('b'))).toEqual(['b1:(', 'b2:{', 'b3:[', 'b1:(', 'b2:(', 'b2:)', 'b1:)', 'b3:]', 'b2:}', 'b1:)']);
    // An unmatched closing bracket does not go below depth 0.
    expect(lines[1]).toEqual(['b1:}']);
  });

  it('lets the browser wrap where Monaco may: before an opening bracket, after a dot, a comma or a closing bracket', async () => {
    const html = await highlightProgram("sequelize.define('Post', { title });", 'javascript');
    expect(html.replace(/<\/?span[^>]*>/g, '')).toBe("sequelize.<wbr>define<wbr>('Post',<wbr> <wbr>{ title }<wbr>)<wbr>;<wbr>");
  });

  it('TypeScript’s own keywords only in TypeScript', async () => {
    const program = 'declare getPosts: HasManyGetAssociationsMixin<Post>; type T = string;';
    const ts = classes(await highlightProgram(program, 'typescript'))[0] ?? [];
    const js = classes(await highlightProgram(program, 'javascript'))[0] ?? [];
    expect(ts).toEqual(expect.arrayContaining(['k:declare', 'k:type', 'k:string', 't:HasManyGetAssociationsMixin']));
    expect(js).not.toContain('k:declare');
    expect(js).toContain('_:declare');
  });

  it('one line block per program line, with its indent, and the text unchanged', async () => {
    const program = "async function main() {\n  await sequelize.sync({ force: true });\n\n\treturn '<b>&';\n}";
    const html = await highlightProgram(program, 'javascript');
    expect(html.split('\n').map((line) => /^<span class="pg-l" style="--i:(\d+);--g:(\d+)">/.exec(line)?.slice(1).join('/'))).toEqual([
      '0/0',
      '2/1',
      '0/1',
      '2/1',
      '0/0',
    ]);
    const text = html
      .replace(/<wbr>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(text).toBe(program);
  });

  it.each([
    ['', 0],
    ['x', 0],
    ['    x', 4],
    ['\t\tx', 4],
    ['  \t', 4],
  ])('indentColumns(%j) is %i', (line, columns) => {
    expect(indentColumns(line)).toBe(columns);
  });

  it('indentation guides as Monaco draws them: a level per 2 columns; a blank line as the block it is in', () => {
    const program = ['function f() {', '  if (x) {', '', '    y();', '', '  }', '', '}', '', 'g();'];
    expect(indentGuides(program)).toEqual([0, 1, 2, 2, 2, 1, 1, 0, 0, 0]);
  });
});

describe('every program of the course', () => {
  const lessons = fileURLToPath(new URL('../../../lessons', import.meta.url));
  const programs = readdirSync(lessons, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /(^|\/)(_[^/]+|starter|solution)\.(js|ts)$/.test(file) && !file.endsWith('exercise.ts'),
  );

  it.each(programs)('%s: every string, comment and template literal is one (no quote or // left in code)', async (file) => {
    const code = readFileSync(join(lessons, file), 'utf8').replace(/\n$/, '');
    const lines = classes(await highlightProgram(code, file.endsWith('.ts') ? 'typescript' : 'javascript'));
    const code_ = lines.flat().filter((piece) => !/^[scr]:/.test(piece));
    expect(code_.filter((piece) => /['"`]|\/\//.test(piece))).toEqual([]);
  });
});
