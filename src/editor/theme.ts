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
    rules: [],
    colors: {
      'editor.background': '#ffffff',
      'editor.lineHighlightBackground': '#f4f3ef',
      'editorLineNumber.foreground': '#9a9fa9',
      'editorLineNumber.activeForeground': '#1b1e24',
    },
  });
  monaco.editor.defineTheme('assoclab-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#12151b',
      'editor.lineHighlightBackground': '#1a1e26',
      'editorLineNumber.foreground': '#5c6370',
      'editorLineNumber.activeForeground': '#e7e9ee',
    },
  });
  const apply = () => monaco.editor.setTheme(siteTheme() === 'dark' ? 'assoclab-dark' : 'assoclab-light');
  apply();
  window.addEventListener('assoclab:themechange', apply);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
  // A theme set without the event (another script, devtools) is followed too.
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
