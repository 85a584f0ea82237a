/** Node's `diagnostics_channel`: nobody subscribes inside the playground. */
const silent = { hasSubscribers: false, publish() {}, subscribe() {}, unsubscribe() {} };
export const channel = () => silent;
export const hasSubscribers = () => false;
export default { channel, hasSubscribers };
