import type { IncomingMessage } from "node:http";

export const PEER_ADDRESS_HEADER: "x-ferry-peer-address";
/** Overwrites the peer header with the socket's remote address; tells lib code it may trust it. */
export function stampPeerAddress(req: IncomingMessage): void;
