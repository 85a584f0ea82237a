/**
 * The ARIA tabs pattern (automatic activation): Left/Right move between tabs and show
 * their panel, Home/End jump to the ends; only the selected tab is in the Tab order.
 */
export interface Tabs {
  /** Selects a tab by its index. */
  select(index: number, focus?: boolean): void;
}

/** `onSelect` is called with the selected tab's panel each time a tab is selected. */
export function setUpTabs(tablist: HTMLElement, onSelect?: (panel: HTMLElement) => void): Tabs {
  const tabs = Array.from(tablist.querySelectorAll<HTMLElement>('[role="tab"]'));
  const panelOf = (tab: HTMLElement) => {
    const id = tab.getAttribute('aria-controls');
    return id ? document.getElementById(id) : null;
  };
  const select = (index: number, focus = false) => {
    tabs.forEach((tab, i) => {
      const selected = i === index;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = panelOf(tab);
      if (panel) panel.hidden = !selected;
      if (selected && focus) tab.focus();
      if (selected && panel) onSelect?.(panel);
    });
  };
  tabs.forEach((tab, index) => tab.addEventListener('click', () => select(index)));
  tablist.addEventListener('keydown', (event) => {
    const current = tabs.findIndex((tab) => tab === document.activeElement);
    if (current < 0) return;
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (current + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  });
  return { select };
}
