/**
 * The address a request comes from, as far as Ferry can know it without trusting the client.
 *
 * Next 16 gives route handlers and server actions no socket: its only hint is
 * `X-Forwarded-For`, which it fills with the peer's address only when the client did not send
 * one, so a client chooses it. Ferry's early guard (lib/http/early-guard.ts, installed in every
 * server process) therefore writes the TCP peer's address into PEER_ADDRESS_HEADER on every
 * request before Next sees it, replacing whatever the client sent, and says so on globalThis. Forwarded addresses are believed only when that
 * peer is one of FERRY_TRUSTED_PROXIES, and then only the hops such proxies appended.
 *
 * Pure: no Next or Prisma, so the env schema can validate FERRY_TRUSTED_PROXIES with it.
 */
import ipaddr from "ipaddr.js";

/** Set by stampPeerAddress to the socket's remote address, overwriting the client's value. */
export const PEER_ADDRESS_HEADER = "x-ferry-peer-address";

/**
 * Where nothing overwrites the peer header (code run outside a server, such as a script), it
 * could be the client's; every request then counts under this one address.
 */
export const UNKNOWN_ADDRESS = "unknown";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

/** Addresses and CIDR ranges whose forwarding headers are believed. */
export type TrustedProxies = readonly Range[];

/** A strict IPv4 (four decimal parts) or IPv6 address, IPv4-mapped IPv6 read as IPv4; else null. */
function parseAddress(text: string): Address | null {
  const value = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (!ipaddr.IPv6.isValid(value)) return null;
  const v6 = ipaddr.IPv6.parse(value);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

function parseRange(entry: string): Range | null {
  if (!entry.includes("/")) {
    const address = parseAddress(entry);
    return address ? [address, address.kind() === "ipv4" ? 32 : 128] : null;
  }
  const parts = entry.split("/");
  if (parts.length !== 2) return null;
  const [base, bits] = parts;
  const address = parseAddress(base);
  if (!address || !/^\d{1,3}$/.test(bits)) return null;
  const prefix = Number(bits);
  return prefix <= (address.kind() === "ipv4" ? 32 : 128) ? [address, prefix] : null;
}

/**
 * Parses FERRY_TRUSTED_PROXIES (comma-separated addresses or CIDR ranges; unset or empty:
 * none). A malformed entry is an error naming it, never silently "no match".
 */
export function parseTrustedProxies(value: string | undefined): { ok: true; proxies: TrustedProxies } | { ok: false; entry: string } {
  const proxies: Range[] = [];
  for (const entry of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const range = parseRange(entry);
    if (!range) return { ok: false, entry };
    proxies.push(range);
  }
  return { ok: true, proxies };
}

const isTrusted = (address: Address, proxies: TrustedProxies) =>
  proxies.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));

/**
 * The key an address is counted under: IPv4 as is, IPv6 by its /64, since one subscriber is
 * routinely given a whole /64 and could otherwise step through 2^64 addresses.
 */
function addressKey(address: Address): string {
  if (address.kind() === "ipv4") return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}

/**
 * The client's address from a request's headers: the stamped peer, or, when the peer is a
 * trusted proxy, the nearest `X-Forwarded-For` hop (right to left) that is not one. A hop that
 * is not an address ends the walk at the last trusted hop, which vouched for nothing further.
 */
export function clientAddress(headers: Headers, options: { peerStamped: boolean; trustedProxies: TrustedProxies }): string {
  const peer = options.peerStamped ? parseAddress(headers.get(PEER_ADDRESS_HEADER) ?? "") : null;
  if (!peer) return UNKNOWN_ADDRESS;
  let client = peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  while (isTrusted(client, options.trustedProxies) && hops.length > 0) {
    const next = parseAddress(hops.pop()!);
    if (!next) break;
    client = next;
  }
  return addressKey(client);
}

const globalForPeer = globalThis as unknown as { ferryStampsPeerAddress?: boolean };

/** The client address of the current request, given FERRY_TRUSTED_PROXIES as configured (lib/env.ts). */
export function requestClientAddress(headers: Headers, trustedProxies: string | undefined): string {
  const trusted = parseTrustedProxies(trustedProxies);
  // lib/env.ts refuses a malformed list at start; here a bad value trusts nobody.
  return clientAddress(headers, { peerStamped: globalForPeer.ferryStampsPeerAddress === true, trustedProxies: trusted.ok ? trusted.proxies : [] });
}

/**
 * Overwrites the peer header with the socket's remote address and tells clientAddress it may
 * believe it. Node joins a repeated custom header into one value in req.headers and Next reads
 * req.headers, so one assignment replaces every copy the client sent.
 */
export function stampPeerAddress(req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }): void {
  globalForPeer.ferryStampsPeerAddress = true;
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}
