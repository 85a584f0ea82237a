/** Saving a file and copying text, from a static page (no server). */

/** Offers `value` as a JSON file named `fileName` (2-space indented, ending with a newline). */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is freed a little later for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies `text`; resolves false when the browser refuses (the caller then asks for Ctrl+C). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
