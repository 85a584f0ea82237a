/** Node's `net`, as much as Express's proxy-addr uses: telling IP addresses apart. */
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
export const isIPv4 = (value: string): boolean => IPV4.test(value);
export const isIPv6 = (value: string): boolean => value.includes(':') && /^[\da-f:.]+$/i.test(value);
export const isIP = (value: string): number => (isIPv4(value) ? 4 : isIPv6(value) ? 6 : 0);
export default { isIP, isIPv4, isIPv6 };
