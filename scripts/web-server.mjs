// One web server process of `npm start` (lib/workers/primary.ts forks one per core): Next's
// production server, in front of which the direct routes that route modules registered
// (lib/api/direct.ts, ADR 16) answer their requests without Next's request pipeline.
// Usage: node scripts/web-server.mjs <port> <hostname>
import http from "node:http";
import path from "node:path";

process.env.NODE_ENV = "production";
const [port, hostname] = [Number(process.argv[2]), process.argv[3]];
const { default: next } = await import("next");

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const serve = (req, res) => {
  if (globalThis.ferryServeDirect?.(req, res)) return;
  handle(req, res).catch((error) => {
    console.error("[ferry] request failed", error);
    if (!res.headersSent) res.writeHead(500).end();
  });
};

// Route modules register their direct routes when Next first loads them. One unauthenticated
// request per direct route (refused before any database work) loads them before this process
// takes traffic, on a port of its own: the shared port could hand it to another process.
const DIRECT_ROUTES = [["PATCH", "/api/v1/programmes/-/slices/-/checklist/-"]];
const warm = http.createServer(serve);
await new Promise((resolve) => warm.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve));
for (const [method, route] of DIRECT_ROUTES) {
  await (await fetch(`http://127.0.0.1:${warm.address().port}${route}`, { method })).arrayBuffer();
}
warm.close();

const server = http.createServer(serve);
server.listen(port, hostname, () => console.log(`[ferry] web server process ${process.pid} listening`));

// A stop lets requests in flight finish, closes idle keep-alive connections, and gives up
// waiting after 10 s.
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
});
