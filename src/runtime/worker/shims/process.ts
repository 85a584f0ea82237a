/** The `process` package some stream code imports: microtask-based nextTick, no timers. */
export const env: Record<string, string> = {};
export const nextTick = (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args));
export const version = '';
export const versions = {};
export const platform = 'browser';
export const browser = true;
export const cwd = () => '/';
export default { env, nextTick, version, versions, platform, browser, cwd };
