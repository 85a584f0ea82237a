/** Node's `net`, as much as Express's proxy-addr uses: telling IP addresses apart. */
// Dotted decimal only, no leading zeros (Node rejects '01.2.3.4' too).
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Node accepts a zone index after '%' ('fe80::1%eth0').
const ZONE = /%[\w.:-]+$/;

export const isIPv4 = (value: string): boolean => IPV4.test(value);

/** The WHATWG URL host parser implements the full IPv6 grammar ('::', embedded IPv4): let it judge. */
export const isIPv6 = (value: string): boolean => {
  const address = String(value).replace(ZONE, '');
  if (!/^[\da-f:.]*:[\da-f:.]*$/i.test(address)) return false;
  try {
    new globalThis.URL(`http://[${address}]/`);
    return true;
  } catch {
    return false;
  }
};

export const isIP = (value: string): number => (isIPv4(value) ? 4 : isIPv6(value) ? 6 : 0);
export default { isIP, isIPv4, isIPv6 };
