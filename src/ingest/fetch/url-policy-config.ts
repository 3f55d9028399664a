import { NewsdeskError } from "../../errors.js";
import { type IpNetwork, parseIp, parseNetwork } from "./ip-address.js";

/** A host an operator allows: a name (or IP literal), optionally only on one port; `subdomains` for "*.name". */
export interface AllowedHost {
  host: string;
  port?: number;
  subdomains?: boolean;
}

/** Which internal hosts URLs from chat (and feeds) may reach despite the URL guard. */
export interface UrlPolicy {
  /** Reached without any address check. */
  hosts: AllowedHost[];
  /** Addresses in these networks are allowed even when private, loopback, link-local or reserved. */
  networks: IpNetwork[];
}

export const ALLOWED_HOSTS_VARIABLE = "NEWSDESK_ALLOWED_HOSTS";

const HOST_NAME = /^(?:\*\.)?[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;

/** A host name as compared by the guard: lower case, without IPv6 brackets or trailing dots ("localhost.."). */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  return h.replace(/\.+$/, "");
}

function invalid(entry: string, why: string): NewsdeskError {
  return new NewsdeskError(
    "CONFIG_INVALID",
    `Set ${ALLOWED_HOSTS_VARIABLE} to comma-separated host names, host:port pairs, IP addresses or CIDR ranges ("${entry}" ${why}).`,
  );
}

function parsePort(text: string, entry: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port < 1 || port > 65535) throw invalid(entry, "has a bad port");
  return port;
}

function parseEntry(entry: string, policy: UrlPolicy): void {
  if (entry.includes("/")) {
    const network = parseNetwork(entry);
    if (!network) throw invalid(entry, "is not a valid CIDR range");
    policy.networks.push(network);
    return;
  }
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracketed) {
    const ip = parseIp(bracketed[1] ?? "");
    if (ip?.version !== 6) throw invalid(entry, "is not a valid IPv6 address");
    if (bracketed[2] === undefined) policy.networks.push({ address: ip, prefix: 128, text: ip.text });
    else policy.hosts.push({ host: ip.text, port: parsePort(bracketed[2], entry) });
    return;
  }
  const ip = parseIp(entry);
  if (ip) {
    policy.networks.push({ address: ip, prefix: ip.version === 4 ? 32 : 128, text: ip.text });
    return;
  }
  const colon = entry.lastIndexOf(":");
  const name = normaliseHost(colon < 0 ? entry : entry.slice(0, colon));
  if (!HOST_NAME.test(name)) throw invalid(entry, "is not a host name, IP address or CIDR range");
  const rule: AllowedHost = name.startsWith("*.")
    ? { host: name.slice(2), subdomains: true }
    : { host: name };
  if (colon >= 0) rule.port = parsePort(entry.slice(colon + 1), entry);
  policy.hosts.push(rule);
}

/** Reads NEWSDESK_ALLOWED_HOSTS ("feeds.intranet:8080, *.corp.example, 10.1.2.3, 192.168.0.0/16"). Default: none. */
export function loadUrlPolicy(env: NodeJS.ProcessEnv = process.env): UrlPolicy {
  const policy: UrlPolicy = { hosts: [], networks: [] };
  for (const raw of (env[ALLOWED_HOSTS_VARIABLE] ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (entry !== "") parseEntry(entry, policy);
  }
  return policy;
}

/** Whether the policy allows `host` (as normalised by `normaliseHost`) on `port` by name. */
export function hostAllowed(policy: UrlPolicy, host: string, port: number): boolean {
  return policy.hosts.some(
    (rule) =>
      (rule.port === undefined || rule.port === port) &&
      (rule.host === host || (rule.subdomains === true && host.endsWith(`.${rule.host}`))),
  );
}
