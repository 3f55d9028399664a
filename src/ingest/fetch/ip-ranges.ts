import { embeddedIpv4, type IpAddress, type IpNetwork, inNetwork, parseNetwork } from "./ip-address.js";

/**
 * Address ranges a URL from chat may not reach, with the reason shown to the user. First match wins, so the
 * metadata addresses come before the ranges that hold them.
 */
const BLOCKED: ReadonlyArray<readonly [string, string]> = [
  ["169.254.169.254/32", "the cloud metadata address"],
  ["0.0.0.0/8", "an unspecified address"],
  ["10.0.0.0/8", "a private address"],
  ["100.64.0.0/10", "a shared (carrier-grade NAT) address"],
  ["127.0.0.0/8", "a loopback address"],
  ["169.254.0.0/16", "a link-local address"],
  ["172.16.0.0/12", "a private address"],
  ["192.0.0.0/24", "a reserved (IETF protocol) address"],
  ["192.0.2.0/24", "a reserved (documentation) address"],
  ["192.88.99.0/24", "a reserved (6to4 relay) address"],
  ["192.168.0.0/16", "a private address"],
  ["198.18.0.0/15", "a reserved (benchmarking) address"],
  ["198.51.100.0/24", "a reserved (documentation) address"],
  ["203.0.113.0/24", "a reserved (documentation) address"],
  ["224.0.0.0/4", "a multicast address"],
  ["240.0.0.0/4", "a reserved address"],
  ["::/128", "an unspecified address"],
  ["::1/128", "a loopback address"],
  ["fd00:ec2::254/128", "the cloud metadata address"],
  ["100::/64", "a reserved (discard) address"],
  ["2001:db8::/32", "a reserved (documentation) address"],
  ["64:ff9b:1::/48", "a reserved (local NAT64) address"],
  ["fc00::/7", "a private (unique local) address"],
  ["fe80::/10", "a link-local address"],
  ["fec0::/10", "a private (site-local) address"],
  ["ff00::/8", "a multicast address"],
];

const NETWORKS: ReadonlyArray<readonly [IpNetwork, string]> = BLOCKED.map(([cidr, reason]) => {
  const network = parseNetwork(cidr);
  if (!network) throw new Error(`bad built-in network ${cidr}`);
  return [network, reason] as const;
});

/**
 * Why a URL from chat may not reach `ip` ("a private address", "a loopback address (IPv4-mapped 127.0.0.1)"), or
 * null for a public address. IPv6 forms that carry an IPv4 address are judged by the IPv4 address they carry.
 */
export function blockedReason(ip: IpAddress): string | null {
  for (const [network, reason] of NETWORKS) if (inNetwork(ip, network)) return reason;
  const embedded = embeddedIpv4(ip);
  if (embedded) {
    const inner = blockedReason(embedded.ipv4);
    if (inner) return `${inner} (${embedded.form} ${embedded.ipv4.text})`;
  }
  return null;
}
