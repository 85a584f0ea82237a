/** Node's `diagnostics_channel`: nobody subscribes inside the playground, so every channel is silent. */
type Listener = (message: unknown, name: string | symbol) => void;
const silent = {
  hasSubscribers: false,
  publish(_message: unknown): void {},
  // Dropped: nothing in the playground reads diagnostics, and keeping listeners would only hold memory.
  subscribe(_listener: Listener): void {},
  unsubscribe(_listener: Listener): boolean {
    return false;
  },
};
export const channel = (_name: string | symbol) => silent;
export const hasSubscribers = (_name: string | symbol) => false;
export default { channel, hasSubscribers };
