// The TCP peer's address for lib/http/client-address.ts. Next gives route handlers and server
// actions no socket, and its X-Forwarded-For is the client's own when the client sent one, so
// Ferry's web server writes the peer's address into a header of its own on every request,
// replacing any value the client sent, before Next sees the request.

export const PEER_ADDRESS_HEADER = "x-ferry-peer-address";

/** Overwrites the peer header with the socket's remote address; tells lib code it may trust it. */
export function stampPeerAddress(req) {
  globalThis.ferryStampsPeerAddress = true;
  // Node joins a repeated custom header into one value in req.headers and Next reads
  // req.headers, so one assignment replaces every copy the client sent.
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}
