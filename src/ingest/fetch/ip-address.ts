import { isIPv4, isIPv6 } from "node:net";

/** An IP address as bytes (4 or 16), with its text form. */
export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
  text: string;
}

/** A network: an address and how many leading bits of it must match. */
export interface IpNetwork {
  address: IpAddress;
  prefix: number;
  text: string;
}

function v4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split(".").map(Number));
}

/** Expands an IPv6 text form ("::ffff:1.2.3.4", "fe80::1") into 16 bytes. The text must pass `isIPv6`. */
function v6Bytes(text: string): Uint8Array {
  let s = text.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = s.split("::");
  const front = head === "" ? [] : head.split(":");
  const back = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups =
    tail === undefined
      ? front
      : [...front, ...new Array<string>(8 - front.length - back.length).fill("0"), ...back];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = Number.parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/** Parses an IPv4 or IPv6 address (brackets and an IPv6 zone id allowed); null for anything else. */
export function parseIp(input: string): IpAddress | null {
  let text = input.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  text = text.split("%")[0] ?? "";
  if (isIPv4(text)) return { version: 4, bytes: v4Bytes(text), text };
  if (isIPv6(text)) return { version: 6, bytes: v6Bytes(text), text: text.toLowerCase() };
  return null;
}

/** "10.0.0.0/8", "fc00::/7", or a single address (a /32 or /128). Null when it is neither. */
export function parseNetwork(input: string): IpNetwork | null {
  const [addr = "", bits, extra] = input.trim().split("/");
  if (extra !== undefined) return null;
  const address = parseIp(addr);
  if (!address) return null;
  const max = address.version === 4 ? 32 : 128;
  if (bits === undefined) return { address, prefix: max, text: address.text };
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return null;
  return { address, prefix: Number(bits), text: `${address.text}/${Number(bits)}` };
}

/** Whether the first `prefix` bits of `a` and `b` are equal. */
function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const left = prefix - bit;
    const mask = left >= 8 ? 0xff : (0xff << (8 - left)) & 0xff;
    if (((a[bit / 8] ?? 0) & mask) !== ((b[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

export function inNetwork(ip: IpAddress, network: IpNetwork): boolean {
  return (
    ip.version === network.address.version && samePrefix(ip.bytes, network.address.bytes, network.prefix)
  );
}

function v4(bytes: Uint8Array): IpAddress {
  const b = Uint8Array.from(bytes);
  return { version: 4, bytes: b, text: b.join(".") };
}

/**
 * The IPv4 address an IPv6 address carries, and how: IPv4-mapped (::ffff:a.b.c.d), IPv4-translated
 * (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16) or Teredo (2001::/32,
 * the client address inverted). Undefined for other addresses and for IPv4 ones.
 */
export function embeddedIpv4(ip: IpAddress): { ipv4: IpAddress; form: string } | undefined {
  if (ip.version !== 6) return undefined;
  const b = ip.bytes;
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return { ipv4: v4(b.slice(12)), form: "IPv4-mapped" };
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) {
    return { ipv4: v4(b.slice(12)), form: "IPv4-translated" };
  }
  // Every ::a.b.c.d but :: and ::1 themselves (::5 carries 0.0.0.5).
  if (zeros(0, 12) && !(zeros(12, 15) && (b[15] ?? 0) <= 1)) {
    return { ipv4: v4(b.slice(12)), form: "IPv4-compatible" };
  }
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) {
    return { ipv4: v4(b.slice(12)), form: "NAT64" };
  }
  if (b[0] === 0x20 && b[1] === 0x02) return { ipv4: v4(b.slice(2, 6)), form: "6to4" };
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) {
    return { ipv4: v4(b.slice(12).map((x) => x ^ 0xff)), form: "Teredo" };
  }
  return undefined;
}
