import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { NewsdeskError } from "../../errors.js";
import type { FetchOptions } from "./fetch-resource.js";
import { type IpAddress, inNetwork, parseIp } from "./ip-address.js";
import { blockedReason } from "./ip-ranges.js";
import { networkError } from "./network-error.js";
import { pinnedTransport } from "./pinned-transport.js";
import { ALLOWED_HOSTS_VARIABLE, hostAllowed, normaliseHost, type UrlPolicy } from "./url-policy-config.js";

/** Resolves a host name to every address it has, like `dns.lookup(host, { all: true })`. */
export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

export interface UrlGuardOptions {
  /** Internal hosts the operator allows (NEWSDESK_ALLOWED_HOSTS). Default: none. */
  policy?: UrlPolicy;
  /** Default: the system resolver. Tests inject one. */
  resolve?: Resolver;
}

/** Checks URLs that come from chat or feeds before newsdesk fetches them, and connects only where it checked. */
export interface UrlGuard {
  /** Throws URL_UNSAFE (or URL_INVALID, FETCH_FAILED when the host does not resolve) for a URL it refuses. */
  checkUrl(url: URL): Promise<void>;
  /** Options for `fetchResource`: the check on every hop, and a transport pinned to checked addresses. */
  readonly fetchOptions: Required<Pick<FetchOptions, "checkUrl" | "transport">>;
}

/** Host names of cloud metadata services and of the machine itself, refused before any lookup. */
const BLOCKED_NAMES = new Set([
  "localhost",
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

function blockedName(host: string): string | null {
  if (BLOCKED_NAMES.has(host) || host.endsWith(".localhost")) {
    return host.includes("metadata") || host.startsWith("instance-data")
      ? `${host} is a cloud metadata host`
      : `${host} is the local machine`;
  }
  if (host.endsWith(".internal")) return `${host} is an internal host name`;
  return null;
}

/** The URL without user name, password or fragment, short enough for one line. */
function shown(url: URL): string {
  const text = `${url.protocol}//${url.host}${url.pathname}${url.search}`;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function refused(url: URL, why: string, allowable = true): NewsdeskError {
  const hint = allowable ? ` (set ${ALLOWED_HOSTS_VARIABLE} to allow it)` : "";
  return new NewsdeskError("URL_UNSAFE", `refused ${shown(url)}: ${why}${hint}`);
}

function portOf(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * A guard for untrusted URLs: http(s) only, no user name or password, and no host that is or resolves to a
 * loopback, unspecified, private, shared, link-local, metadata, multicast or reserved address (IPv4-mapped,
 * -compatible, NAT64, 6to4 and Teredo forms included), unless the operator's policy allows it. Numeric host forms
 * ("http://2130706433/", "http://0x7f.1/") are normalised by the URL parser before the check.
 */
export function createUrlGuard(options: UrlGuardOptions = {}): UrlGuard {
  const policy = options.policy ?? { hosts: [], networks: [] };
  const resolve = options.resolve ?? systemResolver;

  function check(url: URL, host: string, ip: IpAddress, literal: boolean): void {
    const reason = blockedReason(ip);
    if (!reason || policy.networks.some((n) => inNetwork(ip, n))) return;
    throw refused(url, literal ? `${ip.text} is ${reason}` : `${host} resolves to ${ip.text}, ${reason}`);
  }

  /** Checks `url` and returns the addresses it may connect to. */
  async function vet(url: URL): Promise<IpAddress[]> {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw refused(url, `only http and https URLs can be fetched, not ${url.protocol.slice(0, -1)}`, false);
    }
    if (url.username !== "" || url.password !== "") {
      throw refused(url, "URLs with a user name or password are not accepted", false);
    }
    const host = normaliseHost(url.hostname);
    if (host === "") throw refused(url, "the URL has no host", false);
    const literal = parseIp(host);
    const trusted = hostAllowed(policy, host, portOf(url));
    if (!trusted && !literal) {
      const name = blockedName(host);
      if (name) throw refused(url, name);
    }
    let addresses: IpAddress[];
    if (literal) addresses = [literal];
    else {
      let found: Awaited<ReturnType<Resolver>>;
      try {
        found = await resolve(host);
      } catch (err) {
        throw networkError(shown(url), err);
      }
      addresses = found.map((a) => parseIp(a.address)).filter((a): a is IpAddress => a !== null);
      if (addresses.length === 0) throw refused(url, `${host} has no address`, false);
    }
    // Every address must pass: a name with one public and one private address could connect to either.
    if (!trusted) for (const ip of addresses) check(url, host, ip, literal !== null);
    return addresses;
  }

  const lookupFor =
    (url: URL): LookupFunction =>
    (_hostname, opts, callback) => {
      vet(url).then(
        (addresses) => {
          const family = opts.family === "IPv4" ? 4 : opts.family === "IPv6" ? 6 : opts.family;
          const usable = addresses.filter((a) => !family || a.version === family);
          const first = usable[0];
          if (!first) {
            callback(refused(url, `${url.hostname} has no IPv${family} address`, false), "", 0);
          } else if (opts.all) {
            callback(
              null,
              usable.map((a) => ({ address: a.text, family: a.version })),
            );
          } else callback(null, first.text, first.version);
        },
        (err: NodeJS.ErrnoException) => callback(err, "", 0),
      );
    };

  const checkUrl = async (url: URL): Promise<void> => {
    await vet(url);
  };
  return { checkUrl, fetchOptions: { checkUrl, transport: pinnedTransport(lookupFor) } };
}
