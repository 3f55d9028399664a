import { describe, expect, it } from "vitest";
import { guard, resolverOf, verdict } from "./helpers/url-guard-cases.js";

describe("the URL guard refuses each blocked range", () => {
  it.each([
    ["http://127.0.0.1/", "127.0.0.1 is a loopback address"],
    ["http://127.45.6.7:8080/x", "127.45.6.7 is a loopback address"],
    ["http://0.0.0.0/", "0.0.0.0 is an unspecified address"],
    ["http://10.0.0.5/", "10.0.0.5 is a private address"],
    ["http://172.16.0.1/", "172.16.0.1 is a private address"],
    ["http://172.31.255.254/", "172.31.255.254 is a private address"],
    ["http://192.168.1.20/", "192.168.1.20 is a private address"],
    ["http://169.254.10.1/", "169.254.10.1 is a link-local address"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is the cloud metadata address"],
    ["http://100.64.0.1/", "100.64.0.1 is a shared (carrier-grade NAT) address"],
    ["http://100.100.100.200/", "100.100.100.200 is a shared (carrier-grade NAT) address"],
    ["http://192.0.0.192/", "192.0.0.192 is a reserved (IETF protocol) address"],
    ["http://224.0.0.251/", "224.0.0.251 is a multicast address"],
    ["http://240.1.2.3/", "240.1.2.3 is a reserved address"],
    ["http://255.255.255.255/", "255.255.255.255 is a reserved address"],
    ["http://198.18.0.1/", "198.18.0.1 is a reserved (benchmarking) address"],
  ])("%s", async (url, reason) => {
    expect(await verdict(url)).toBe(
      `URL_UNSAFE: refused ${url}: ${reason} (set NEWSDESK_ALLOWED_HOSTS to allow it)`,
    );
  });

  it("allows public addresses next to the blocked ranges", async () => {
    for (const url of ["http://172.32.0.1/", "http://100.128.0.1/", "http://11.0.0.1/", "http://1.1.1.1/"]) {
      expect(await verdict(url)).toBe("allowed");
    }
  });
});

describe("the URL guard refuses IPv6 forms", () => {
  it.each([
    ["http://[::1]/", "::1 is a loopback address"],
    ["http://[::]/", ":: is an unspecified address"],
    ["http://[fd12:3456::1]/", "fd12:3456::1 is a private (unique local) address"],
    ["http://[fe80::1]/", "fe80::1 is a link-local address"],
    ["http://[ff02::1]/", "ff02::1 is a multicast address"],
    ["http://[fd00:ec2::254]/", "fd00:ec2::254 is the cloud metadata address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address (IPv4-mapped 127.0.0.1)"],
    ["http://[::ffff:7f00:1]/", "::ffff:7f00:1 is a loopback address (IPv4-mapped 127.0.0.1)"],
    [
      "http://[::ffff:a9fe:a9fe]/",
      "::ffff:a9fe:a9fe is the cloud metadata address (IPv4-mapped 169.254.169.254)",
    ],
    ["http://[::127.0.0.1]/", "::7f00:1 is a loopback address (IPv4-compatible 127.0.0.1)"],
    ["http://[64:ff9b::a00:5]/", "64:ff9b::a00:5 is a private address (NAT64 10.0.0.5)"],
    ["http://[2002:c0a8:101::1]/", "2002:c0a8:101::1 is a private address (6to4 192.168.1.1)"],
    ["http://[::ffff:0:a00:1]/", "::ffff:0:a00:1 is a private address (IPv4-translated 10.0.0.1)"],
    [
      "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
      "2001:0:4136:e378:8000:63bf:80ff:fffe is a loopback address (Teredo 127.0.0.1)",
    ],
    ["http://[64:ff9b:1::a]/", "64:ff9b:1::a is a reserved (local NAT64) address"],
  ])("%s", async (url, reason) => {
    expect(await verdict(url)).toBe(
      `URL_UNSAFE: refused ${url.replace("[::ffff:127.0.0.1]", "[::ffff:7f00:1]").replace("[::127.0.0.1]", "[::7f00:1]")}: ${reason} (set NEWSDESK_ALLOWED_HOSTS to allow it)`,
    );
  });

  it("allows a public IPv6 address, literal or resolved", async () => {
    expect(await verdict("http://[2606:4700::1111]/")).toBe("allowed");
    expect(await verdict("https://v6.example/")).toBe("allowed");
  });
});

describe("the URL guard sees through numeric host forms", () => {
  it.each([
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0x7f000001/",
  ])("%s is 127.0.0.1", async (url) => {
    expect(await verdict(url)).toBe(
      "URL_UNSAFE: refused http://127.0.0.1/: 127.0.0.1 is a loopback address (set NEWSDESK_ALLOWED_HOSTS to allow it)",
    );
  });

  it("sees http://0/ as 0.0.0.0", async () => {
    expect(await verdict("http://0/")).toMatch(
      /refused http:\/\/0\.0\.0\.0\/: 0\.0\.0\.0 is an unspecified address/,
    );
  });
});

describe("the URL guard refuses names, schemes and credentials", () => {
  it.each([
    [
      "http://metadata.google.internal/computeMetadata/v1/",
      "metadata.google.internal is a cloud metadata host",
    ],
    ["http://metadata/", "metadata is a cloud metadata host"],
    ["http://METADATA.google.internal./", "metadata.google.internal is a cloud metadata host"],
    ["http://instance-data/", "instance-data is a cloud metadata host"],
    ["http://localhost:3000/", "localhost is the local machine"],
    ["http://app.localhost/", "app.localhost is the local machine"],
    ["http://db.corp.internal/", "db.corp.internal is an internal host name"],
  ])("%s", async (url, reason) => {
    expect(await verdict(url)).toMatch(`: ${reason} (set NEWSDESK_ALLOWED_HOSTS to allow it)`);
  });

  it.each(["file:///etc/passwd", "ftp://news.example/x", "gopher://news.example/", "data:text/plain,hi"])(
    "refuses the scheme of %s",
    async (url) => {
      expect(await verdict(url)).toMatch(
        /^URL_UNSAFE: refused .*: only http and https URLs can be fetched, not /,
      );
    },
  );

  it("refuses a URL with a user name or password, without repeating the password", async () => {
    const result = await verdict("https://editor:s3cret@news.example/feed");
    expect(result).toBe(
      "URL_UNSAFE: refused https://news.example/feed: URLs with a user name or password are not accepted",
    );
    expect(await verdict("https://editor@news.example/feed")).toMatch(/user name or password/);
  });

  it("reports a host that does not resolve as a fetch failure", async () => {
    expect(await verdict("https://nowhere.example/")).toBe(
      "FETCH_FAILED: Could not fetch https://nowhere.example/: host not found",
    );
  });
});

describe("the URL guard checks the addresses a name resolves to", () => {
  it("refuses a name that resolves to a private address", async () => {
    const g = guard("", resolverOf({ "intranet.example": ["10.1.2.3"] }));
    expect(await verdict("http://intranet.example/news", g)).toBe(
      "URL_UNSAFE: refused http://intranet.example/news: intranet.example resolves to 10.1.2.3, a private address (set NEWSDESK_ALLOWED_HOSTS to allow it)",
    );
  });

  it("refuses a name when any one of its addresses is private", async () => {
    const g = guard("", resolverOf({ "mixed.example": ["93.184.216.34", "::ffff:192.168.0.9"] }));
    expect(await verdict("http://mixed.example/", g)).toMatch(
      /mixed\.example resolves to ::ffff:192\.168\.0\.9, a private address \(IPv4-mapped 192\.168\.0\.9\)/,
    );
  });

  it("allows a name that resolves only to public addresses", async () => {
    expect(await verdict("https://news.example/world")).toBe("allowed");
  });
});

describe("the URL guard on odd spellings", () => {
  it("refuses a blocked name however many trailing dots it has", async () => {
    const g = guard(
      "",
      resolverOf({ "db.corp.internal.": ["93.184.216.34"], "localhost.": ["93.184.216.34"] }),
    );
    expect(await verdict("http://localhost../", g)).toMatch(/: localhost is the local machine/);
    expect(await verdict("http://db.corp.internal../", g)).toMatch(
      /: db\.corp\.internal is an internal host name/,
    );
  });

  it("refuses the IPv4-compatible forms of 0.0.0.x, literal or resolved", async () => {
    expect(await verdict("http://[::5]/")).toMatch(
      /::5 is an unspecified address \(IPv4-compatible 0\.0\.0\.5\)/,
    );
    const g = guard("", resolverOf({ "compat.example": ["::2"] }));
    expect(await verdict("http://compat.example/", g)).toMatch(/resolves to ::2, an unspecified address/);
  });
});
