/**
 * The colour theme: 'light' or 'dark' on <html data-theme>. Follows the system until the
 * learner picks one with the toggle; the pick is kept in localStorage. Every change
 * dispatches `assoclab:themechange` on window with `{ theme }` (the editor listens to it).
 */
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'assoclab:theme';
export const THEME_EVENT = 'assoclab:themechange';

export interface ThemeChange {
  theme: Theme;
}

declare global {
  interface WindowEventMap {
    'assoclab:themechange': CustomEvent<ThemeChange>;
  }
}

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function storedTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Applies a theme; `persist` keeps it as the learner's choice. */
export function applyTheme(theme: Theme, persist: boolean): void {
  if (persist) {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  }
  if (currentTheme() === theme && document.documentElement.dataset.theme) return;
  document.documentElement.dataset.theme = theme;
  window.dispatchEvent(new CustomEvent(THEME_EVENT, { detail: { theme } }));
}
