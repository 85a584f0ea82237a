/**
 * Monaco's theme follows the site's: `<html data-theme="light|dark">`, updated on the
 * `assoclab:themechange` window event, and the system preference when no theme is set.
 */
import type { Monaco } from './monaco';
import { CODE_PALETTES, type CodePalette } from './palette';

export type EditorTheme = 'assoclab-light' | 'assoclab-dark';

/** The site theme now: data-theme first, then prefers-color-scheme. */
export function siteTheme(): 'light' | 'dark' {
  const set = document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let following = false;

/** Token rules and colours shared with the static code (palette.ts). */
function paletteRules(palette: CodePalette) {
  const hex = (color: string) => color.replace('#', '');
  const rules = [
    { token: '', foreground: hex(palette.foreground) },
    { token: 'identifier', foreground: hex(palette.foreground) },
    { token: 'keyword', foreground: hex(palette.keyword) },
    { token: 'string', foreground: hex(palette.string) },
    { token: 'comment', foreground: hex(palette.comment) },
    { token: 'number', foreground: hex(palette.number) },
    { token: 'type', foreground: hex(palette.type) },
    { token: 'type.identifier', foreground: hex(palette.type) },
    { token: 'regexp', foreground: hex(palette.regexp) },
    { token: 'delimiter', foreground: hex(palette.delimiter) },
  ];
  const colors = {
    'editor.background': palette.background,
    'editor.foreground': palette.foreground,
    'editorLineNumber.foreground': palette.lineNumber,
    'editorLineNumber.activeForeground': palette.activeLineNumber,
    'editorBracketHighlight.foreground1': palette.brackets[0],
    'editorBracketHighlight.foreground2': palette.brackets[1],
    'editorBracketHighlight.foreground3': palette.brackets[2],
    'editorIndentGuide.background1': palette.indentGuide,
  };
  return { rules, colors };
}

/** Defines the two editor themes, applies the current one and keeps it in step. */
export function followSiteTheme(monaco: Monaco): void {
  if (following) return;
  following = true;
  const light = paletteRules(CODE_PALETTES.light);
  const dark = paletteRules(CODE_PALETTES.dark);
  monaco.editor.defineTheme('assoclab-light', {
    base: 'vs',
    inherit: true,
    // Token colours kept at 4.5:1 or more on white, on the current line's tint and on the
    // diff's added and removed tints below ('vs' teal, number green and SQL grey are too faint).
    // 'vs' draws SQL strings pure red (4:1 on white): a literal in a statement ('1' from findByPk) needs the program's string colour.
    rules: [
      ...light.rules,
      { token: 'predefined.sql', foreground: '7c3aed' },
      { token: 'operator.sql', foreground: '525966' },
      { token: 'string.sql', foreground: CODE_PALETTES.light.string.replace('#', '') },
    ],
    colors: {
      ...light.colors,
      'editor.lineHighlightBackground': '#f4f3ef',
      // Show solution's diff: tints light enough for every token colour above.
      'diffEditor.insertedLineBackground': '#eaf6e0',
      'diffEditor.insertedTextBackground': '#2f8f2f1f',
      'diffEditor.removedLineBackground': '#fdecec',
      'diffEditor.removedTextBackground': '#d02f2f1a',
    },
  });
  monaco.editor.defineTheme('assoclab-dark', {
    base: 'vs-dark',
    inherit: true,
    // As in the light theme: 4.5:1 or more on the diff's tints too ('vs-dark' comments are too dim there).
    // 'vs-dark' draws SQL strings pure red and SQL functions magenta: in the program's string colour, a literal reads as one.
    rules: [...dark.rules, { token: 'predefined.sql', foreground: 'c586c0' }, { token: 'string.sql', foreground: CODE_PALETTES.dark.string.replace('#', '') }],
    colors: {
      ...dark.colors,
      'editor.lineHighlightBackground': '#1a1e26',
      'diffEditor.insertedLineBackground': '#17261a',
      'diffEditor.insertedTextBackground': '#3fa04a1a',
      'diffEditor.removedLineBackground': '#2a1719',
      'diffEditor.removedTextBackground': '#d9464f1a',
    },
  });
  const apply = () => monaco.editor.setTheme(siteTheme() === 'dark' ? 'assoclab-dark' : 'assoclab-light');
  apply();
  window.addEventListener('assoclab:themechange', apply);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
  // A theme set without the event (another script, devtools) is followed too.
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
