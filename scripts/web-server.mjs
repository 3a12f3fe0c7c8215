// One web server process of `npm start` (lib/workers/primary.ts forks one per core): Next's
// production server.
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
  handle(req, res).catch((error) => {
    console.error("[ferry] request failed", error);
    if (!res.headersSent) res.writeHead(500).end();
  });
};

const server = http.createServer(serve);
server.listen(port, hostname, () => console.log(`[ferry] web server process ${process.pid} listening`));

// A stop lets requests in flight finish, closes idle keep-alive connections, and gives up
// waiting after 10 s.
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
});
