/**
 * Build time only (Playground.astro): the program as highlighted HTML for the moments before
 * Monaco loads, drawn the way Monaco will draw it, so nothing changes when the editor takes
 * over: the same colours (editor/palette.ts), line numbers, wrapping with an indent, bracket
 * pair colours.
 *
 * Shiki (Astro's highlighter) does the lexing: it knows where strings, template literals,
 * comments, regular expressions and numbers begin and end. The rest is classed by the rules
 * of Monaco's own JavaScript/TypeScript tokenizer (Monarch), which colours differently from
 * a TextMate theme: a word from its keyword list is a keyword wherever it stands (`user.get`),
 * a capitalised word is a type (`User`, `DataTypes.STRING`), other words are plain, and
 * brackets are coloured by depth.
 */
import { createShikiHighlighter, type ShikiHighlighterHighlightOptions } from '@astrojs/markdown-remark';
import { indentGuides, lineStyle } from './lines';

type Language = 'javascript' | 'typescript';

/** Token classes, named after Monaco's token types. */
type TokenClass = 'k' | 's' | 'c' | 'n' | 't' | 'r' | 'd' | 'b1' | 'b2' | 'b3' | '';

// Monarch's keyword lists (monaco-editor: languages/definitions/{javascript,typescript}).
const JS_KEYWORDS =
  'break case catch class continue const constructor debugger default delete do else export extends false finally for from function get if import in instanceof let new null return set static super switch symbol this throw true try typeof undefined var void while with yield async await of';
const TS_EXTRA_KEYWORDS =
  'abstract any as asserts bigint boolean declare enum implements infer interface is keyof module namespace never number object out package private protected public override readonly require global satisfies string type unique unknown';
const KEYWORDS: Record<Language, Set<string>> = {
  javascript: new Set(JS_KEYWORDS.split(' ')),
  typescript: new Set(`${JS_KEYWORDS} ${TS_EXTRA_KEYWORDS}`.split(' ')),
};

// Shiki is asked for colours that are really class markers: strings, comments, regular
// expressions and numbers get their own; everything else ("code") is classed afterwards.
const MARK = { comment: '#000001', string: '#000002', regexp: '#000003', number: '#000004', code: '#000000' } as const;
const MARK_CLASS: Record<string, TokenClass> = { [MARK.comment]: 'c', [MARK.string]: 's', [MARK.regexp]: 'r', [MARK.number]: 'n' };
const markerTheme = {
  name: 'assoclab-token-marks',
  type: 'light' as const,
  colors: { 'editor.foreground': MARK.code, 'editor.background': '#ffffff' },
  tokenColors: [
    {
      scope: [
        'comment',
        'punctuation.definition.comment',
        'comment storage',
        'comment keyword',
        'comment entity',
        'comment variable',
        'comment punctuation',
        'comment support',
      ],
      settings: { foreground: MARK.comment },
    },
    { scope: ['string', 'punctuation.definition.string'], settings: { foreground: MARK.string } },
    {
      scope: ['string.regexp', 'string.regexp punctuation.definition.string', 'string.regexp keyword', 'string.regexp constant'],
      settings: { foreground: MARK.regexp },
    },
    { scope: ['constant.numeric'], settings: { foreground: MARK.number } },
    // Inside `${…}` of a template literal: code again.
    { scope: ['meta.template.expression', 'punctuation.definition.template-expression'], settings: { foreground: MARK.code } },
  ],
};

let highlighter: ReturnType<typeof createShikiHighlighter> | undefined;

interface Token {
  content: string;
  color?: string | undefined;
}

const OPEN = '([{';
const CLOSE = ')]}';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Where Monaco may wrap a long line besides spaces (its wordWrapBreakBeforeCharacters and
 * wordWrapBreakAfterCharacters, the ASCII ones): a <wbr> lets the browser wrap there too.
 */
function breakable(html: string): string {
  return html.replace(/([([{+])/g, '<wbr>$1').replace(/([}\])?|/,.;]|&amp;)/g, '$1<wbr>');
}

function span(cls: TokenClass, text: string): string {
  const html = breakable(escapeHtml(text));
  return cls ? `<span class="tok-${cls}">${html}</span>` : html;
}

/** Splits "code" (neither string, comment, regexp nor number) the way Monarch does, with bracket depth. */
function classifyCode(text: string, keywords: Set<string>, depth: { value: number }): string {
  let html = '';
  for (const [piece] of text.matchAll(/#?[a-z_$][\w$]*|[A-Z][\w$]*|\s+|[()[\]{}]|[^\w\s$()[\]{}]+|./g)) {
    if (/^#?[a-z_$]/.test(piece)) html += span(keywords.has(piece) ? 'k' : '', piece);
    else if (/^[A-Z]/.test(piece)) html += span('t', piece);
    else if (OPEN.includes(piece)) {
      html += span(`b${(depth.value % 3) + 1}` as TokenClass, piece);
      depth.value += 1;
    } else if (CLOSE.includes(piece)) {
      depth.value = Math.max(0, depth.value - 1);
      html += span(`b${(depth.value % 3) + 1}` as TokenClass, piece);
    } else if (/^\s+$/.test(piece)) html += piece;
    else html += span('d', piece);
  }
  return html;
}

/**
 * The program's lines as HTML, one `<span class="pg-l" style="--i:N;--g:G">` per line (N: its
 * indent in columns, for the wrapped lines' hanging indent; G: its indentation guides),
 * separated by newlines.
 */
export async function highlightProgram(code: string, language: Language): Promise<string> {
  highlighter ??= createShikiHighlighter({ theme: markerTheme, langs: [] });
  let tokens: Token[][] = [];
  const capture: NonNullable<ShikiHighlighterHighlightOptions['transformers']>[number] = {
    preprocess(_code, options) {
      // No time limit per line: with Shiki's default (500 ms), a line that took longer (the
      // grammar's first use on a busy machine) came back as one token, wrongly coloured.
      options.tokenizeTimeLimit = 0;
    },
    tokens(lines) {
      tokens = lines;
    },
  };
  await (await highlighter).codeToHast(code, language === 'typescript' ? 'ts' : 'js', { transformers: [capture] });
  const keywords = KEYWORDS[language];
  const depth = { value: 0 };
  const sourceLines = code.split('\n');
  const guides = indentGuides(sourceLines);
  return sourceLines
    .map((source, index) => {
      const html = (tokens[index] ?? [{ content: source }])
        .map((token) => {
          const marked = MARK_CLASS[(token.color ?? '').toLowerCase()];
          return marked ? span(marked, token.content) : classifyCode(token.content, keywords, depth);
        })
        .join('');
      return `<span class="pg-l" style="${lineStyle(source, guides[index] ?? 0)}">${html}</span>`;
    })
    .join('\n');
}
