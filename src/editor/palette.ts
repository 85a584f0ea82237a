/**
 * The code colours of the editor, in one place for both renderings of a program: Monaco's
 * themes (theme.ts) and the highlighted code a playground shows before Monaco loads
 * (components/playground/static-code.ts), so the one replaces the other without a change of
 * colour. Monaco's 'vs' and 'vs-dark' colours, with the changes that keep every one at 4.5:1
 * or more on the editor's background, its current line and the solution diff's tints.
 */

export interface CodePalette {
  background: string;
  /** Identifiers and anything else without a colour of its own. */
  foreground: string;
  keyword: string;
  string: string;
  comment: string;
  number: string;
  /** Capitalised identifiers (Monaco's `type.identifier`: `User`, `DataTypes`). */
  type: string;
  regexp: string;
  /** Operators and punctuation other than brackets. */
  delimiter: string;
  /** Bracket pair colours by nesting depth, repeating. */
  brackets: readonly [string, string, string];
  lineNumber: string;
  activeLineNumber: string;
  /** Indentation guides (Monaco's editorIndentGuide.background1). */
  indentGuide: string;
}

export const CODE_PALETTES: { light: CodePalette; dark: CodePalette } = {
  light: {
    background: '#ffffff',
    foreground: '#000000',
    keyword: '#0000ff',
    string: '#a31515',
    comment: '#2e6b2e',
    number: '#0a6e4a',
    type: '#00666e',
    regexp: '#800000',
    delimiter: '#000000',
    // Monaco's middle bracket green (#319331) is 3.9:1 on white: a darker green.
    brackets: ['#0431fa', '#1d6b1d', '#7b3814'],
    lineNumber: '#6b7280',
    activeLineNumber: '#1b1e24',
    indentGuide: '#d3d3d3',
  },
  dark: {
    background: '#12151b',
    foreground: '#d4d4d4',
    keyword: '#569cd6',
    string: '#ce9178',
    comment: '#7fb069',
    number: '#b5cea8',
    type: '#3dc9b0',
    regexp: '#b46695',
    delimiter: '#dcdcdc',
    brackets: ['#ffd700', '#da70d6', '#179fff'],
    lineNumber: '#8b93a1',
    activeLineNumber: '#e7e9ee',
    indentGuide: '#404040',
  },
};

/** The editor's font, size and line height (Monaco's options and the static code's CSS). */
export const EDITOR_FONT = {
  family: "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace",
  size: 14,
  lineHeight: 21,
} as const;

/** Monaco's gutter as the playground sets it up: line numbers of at least this many digits, then this much space. */
export const EDITOR_GUTTER = { lineNumbersMinChars: 3, lineDecorationsWidth: 10 } as const;
