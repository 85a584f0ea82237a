/** The learner's edits, kept per playground in localStorage under `assoclab:code:<id>`. */
export const codeKey = (id: string): string => `assoclab:code:${id}`;

/** The saved program, or undefined when none is saved or storage is off. */
export function loadCode(id: string): string | undefined {
  try {
    return localStorage.getItem(codeKey(id)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves the program; the lesson's own program is not saved (the key is removed). */
export function saveCode(id: string, code: string, original: string): void {
  try {
    if (code === original) localStorage.removeItem(codeKey(id));
    else localStorage.setItem(codeKey(id), code);
  } catch {
    // Storage full or disabled: edits last for this page only.
  }
}

/** Calls `fn` once `ms` have passed without another call; flush() runs a pending call now. */
export function debounce<T>(fn: (value: T) => void, ms: number): { (value: T): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: { value: T } | undefined;
  const run = () => {
    timer = undefined;
    if (last) fn(last.value);
    last = undefined;
  };
  const debounced = (value: T) => {
    last = { value };
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (timer) clearTimeout(timer);
    run();
  };
  return debounced;
}
