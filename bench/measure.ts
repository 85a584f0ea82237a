/** Small statistics helpers for the benchmark. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function repeat(times: number, body: (index: number) => Promise<number>): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < times; i++) results.push(await body(i));
  return results;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
export const ms = (value: number) => `${value.toFixed(1)} ms`;

export interface Figure {
  group: string;
  name: string;
  value: string;
  target?: string;
  /** Whether the figure meets its target (undefined when it has none). */
  met?: boolean;
}
