import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, PEER_ADDRESS_HEADER, requestClientAddress, UNKNOWN_ADDRESS, type TrustedProxies } from "./client-address";

const trusted = (list: string): TrustedProxies => {
  const parsed = parseTrustedProxies(list);
  if (!parsed.ok) throw new Error(`bad list: ${parsed.entry}`);
  return parsed.proxies;
};
const request = (peer: string | null, forwardedFor?: string) =>
  new Headers({ ...(peer !== null ? { [PEER_ADDRESS_HEADER]: peer } : {}), ...(forwardedFor !== undefined ? { "x-forwarded-for": forwardedFor } : {}) });

describe("clientAddress", () => {
  it.each([
    // The hole: a client sending X-Forwarded-For chose the address it was limited under.
    ["spoofed X-Forwarded-For from an untrusted peer is ignored", "203.0.113.7", "198.51.100.1", "", "203.0.113.7"],
    ["no proxies configured: the peer, whatever the header says", "203.0.113.7", "1.1.1.1, 2.2.2.2", "", "203.0.113.7"],
    ["a trusted proxy's forwarded address is used", "10.0.0.5", "198.51.100.1", "10.0.0.0/8", "198.51.100.1"],
    ["only hops appended by trusted proxies count (the client's own prefix is not)", "10.0.0.5", "6.6.6.6, 198.51.100.1", "10.0.0.0/8", "198.51.100.1"],
    ["a chain of trusted proxies is walked right to left", "10.0.0.5", "6.6.6.6, 198.51.100.1, 10.1.1.1", "10.0.0.0/8", "198.51.100.1"],
    ["a trusted proxy that forwards nothing is itself the client", "10.0.0.5", undefined, "10.0.0.0/8", "10.0.0.5"],
    ["a garbage hop stops the walk at the last trusted hop", "10.0.0.5", "not-an-ip", "10.0.0.5", "10.0.0.5"],
    ["a single trusted address (no range)", "192.0.2.10", "198.51.100.9", "192.0.2.10", "198.51.100.9"],
    ["an address next to a trusted one is not trusted", "192.0.2.11", "198.51.100.9", "192.0.2.10", "192.0.2.11"],
    ["IPv4-mapped IPv6 peers (Node's dual-stack sockets) match IPv4 ranges", "::ffff:10.0.0.5", "198.51.100.1", "10.0.0.0/8", "198.51.100.1"],
    ["IPv6 proxies and clients, clients keyed by their /64", "fd00::1", "2001:db8:1:2:aaaa::1", "fd00::/8", "2001:db8:1:2::/64"],
    ["two addresses of one /64 are one client", "2001:db8:1:2:ffff::9", undefined, "", "2001:db8:1:2::/64"],
    ["a peer header that is not an address is unknown", "not-an-ip", "198.51.100.1", "", UNKNOWN_ADDRESS],
  ])("%s", (_name, peer, forwardedFor, proxies, expected) => {
    expect(clientAddress(request(peer, forwardedFor), { peerStamped: true, trustedProxies: trusted(proxies) })).toBe(expected);
  });

  it("believes no peer header when Ferry's web server did not stamp it (the client could have sent it)", () => {
    expect(clientAddress(request("203.0.113.7", "198.51.100.1"), { peerStamped: false, trustedProxies: trusted("0.0.0.0/0") })).toBe(UNKNOWN_ADDRESS);
  });

  it("requestClientAddress reads FERRY_TRUSTED_PROXIES and the web server's stamp", () => {
    const g = globalThis as { ferryStampsPeerAddress?: boolean };
    const saved = g.ferryStampsPeerAddress;
    try {
      g.ferryStampsPeerAddress = undefined;
      expect(requestClientAddress(request("10.0.0.5", "198.51.100.1"), "10.0.0.0/8")).toBe(UNKNOWN_ADDRESS);
      g.ferryStampsPeerAddress = true;
      expect(requestClientAddress(request("10.0.0.5", "198.51.100.1"), "10.0.0.0/8")).toBe("198.51.100.1");
      expect(requestClientAddress(request("10.0.0.5", "198.51.100.1"), undefined)).toBe("10.0.0.5");
    } finally {
      g.ferryStampsPeerAddress = saved;
    }
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and CIDR ranges of both families, and nothing", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ ok: true, proxies: [] });
    const parsed = parseTrustedProxies(" 10.0.0.0/8, 192.0.2.1 ,fd00::/8,::1 ");
    expect(parsed.ok && parsed.proxies.map(([a, bits]) => `${a.toString()}/${bits}`)).toEqual(["10.0.0.0/8", "192.0.2.1/32", "fd00::/8", "::1/128"]);
  });

  it.each(["10.0.0.0/33", "fd00::/129", "10.0.0/8", "127.1", "0x7f.0.0.1", "example.com", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/-1"])(
    "refuses %s, naming it",
    (entry) => expect(parseTrustedProxies(`10.0.0.1,${entry}`)).toEqual({ ok: false, entry }),
  );
});

describe("FERRY_TRUSTED_PROXIES in the environment", () => {
  it("stops the start with one line naming the variable and the bad entry", async () => {
    const { parseEnv } = await import("@/lib/env");
    expect(parseEnv({ FERRY_TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" })).toEqual({
      ok: false,
      message: 'Configuration error: FERRY_TRUSTED_PROXIES has "proxy.internal", which is not an IP address or CIDR range.',
    });
    expect(parseEnv({ FERRY_TRUSTED_PROXIES: "10.0.0.0/8, ::1" }).ok).toBe(true);
  });
});
