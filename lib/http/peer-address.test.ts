import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "./client-address";
import { answeredEarly } from "./early-guard";

// The early guard's stamping, on a real socket: what a client sends in the peer header (once
// or repeated) must never reach the app.
let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (answeredEarly(req, res)) return;
    const body = JSON.stringify({ peer: req.headers[PEER_ADDRESS_HEADER], forwardedFor: req.headers["x-forwarded-for"] ?? null });
    res.setHeader("content-length", Buffer.byteLength(body));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// A raw request, so that the peer header can be sent twice with different spellings.
const get = (headers: [string, string][]) =>
  new Promise<{ peer: string; forwardedFor: string | null }>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.end(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`);
    });
    let raw = "";
    socket.on("data", (c) => (raw += c)).on("end", () => resolve(JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)))).on("error", reject);
  });

describe("the early guard stamps the peer address", () => {
  it("replaces a forged peer header with the socket's address and leaves X-Forwarded-For to the app", async () => {
    const seen = await get([[PEER_ADDRESS_HEADER, "198.51.100.1"], [PEER_ADDRESS_HEADER.toUpperCase(), "198.51.100.2"], ["X-Forwarded-For", "198.51.100.3"]]);
    expect(seen).toEqual({ peer: "127.0.0.1", forwardedFor: "198.51.100.3" });
    expect((globalThis as { ferryStampsPeerAddress?: boolean }).ferryStampsPeerAddress).toBe(true);
  });

  it("stamps requests that sent no peer header", async () => {
    expect((await get([])).peer).toBe("127.0.0.1");
  });
});
