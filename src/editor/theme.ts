/**
 * Monaco's theme follows the site's: `<html data-theme="light|dark">`, updated on the
 * `assoclab:themechange` window event, and the system preference when no theme is set.
 */
import type { Monaco } from './monaco';

export type EditorTheme = 'assoclab-light' | 'assoclab-dark';

/** The site theme now: data-theme first, then prefers-color-scheme. */
export function siteTheme(): 'light' | 'dark' {
  const set = document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let following = false;

/** Defines the two editor themes, applies the current one and keeps it in step. */
export function followSiteTheme(monaco: Monaco): void {
  if (following) return;
  following = true;
  monaco.editor.defineTheme('assoclab-light', {
    base: 'vs',
    inherit: true,
    // Token colours kept at 4.5:1 or more on white, on the current line's tint and on the
    // diff's added and removed tints below ('vs' teal, number green and SQL grey are too faint).
    rules: [
      { token: 'predefined.sql', foreground: '7c3aed' },
      { token: 'operator.sql', foreground: '525966' },
      { token: 'comment', foreground: '2e6b2e' },
      { token: 'type', foreground: '00666e' },
      { token: 'type.identifier', foreground: '00666e' },
      { token: 'number', foreground: '0a6e4a' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editor.lineHighlightBackground': '#f4f3ef',
      'editorLineNumber.foreground': '#6b7280',
      'editorLineNumber.activeForeground': '#1b1e24',
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
    rules: [{ token: 'comment', foreground: '7fb069' }],
    colors: {
      'editor.background': '#12151b',
      'editor.lineHighlightBackground': '#1a1e26',
      'editorLineNumber.foreground': '#8b93a1',
      'editorLineNumber.activeForeground': '#e7e9ee',
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
