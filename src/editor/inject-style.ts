/**
 * Adds one of Monaco's stylesheets to the page when Monaco's code loads (see
 * scripts/vite-monaco-styles.mjs). They go before the site's own styles, in load order,
 * so the site's rules win ties exactly as they would with <link>s placed first.
 */
let anchor: ChildNode | null = null;
let anchorFound = false;

export function injectStyle(name: string, css: string): void {
  if (typeof document === 'undefined') return;
  const style = document.createElement('style');
  style.dataset.monaco = name;
  style.textContent = css;
  if (!anchorFound) {
    anchor = document.head.querySelector('style, link[rel="stylesheet"]');
    anchorFound = true;
  }
  document.head.insertBefore(style, anchor);
}
