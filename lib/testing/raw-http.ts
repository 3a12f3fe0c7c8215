/**
 * HTTP/1.1 over a bare socket, for tests that must control the framing themselves: chunked
 * bodies, a Content-Length that lies, bytes after the declared body. fetch and node:http
 * refuse to send any of that, which is exactly what an attacker's client does not.
 */
import net from "node:net";

export type RawResponse = { status: number; headers: Record<string, string>; body: string };
export type RawExchange = { responses: RawResponse[]; closedByServer: boolean };

/** Chunked transfer coding of `body` in chunks of `size` bytes, with the last chunk. */
export function chunked(body: Buffer, size = 64 * 1024): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const part = body.subarray(i, i + size);
    out.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n"));
  }
  out.push(Buffer.from("0\r\n\r\n"));
  return out;
}

/**
 * Sends `head` (request line and headers, without the blank line) and the `body` buffers as
 * they are, and collects what the server answers until `responses` whole answers arrived, the
 * server closed, or `timeoutMs` passed. `halfClose` ends the client's side after the body, as
 * an interrupted upload does (Node's server then drops the request: no answer is expected).
 */
export function rawExchange(port: number, head: string, body: Buffer[], { responses: wanted = 1, halfClose = false, timeoutMs = 30_000 } = {}): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let closedByServer = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses: parseResponses(Buffer.concat(received)), closedByServer });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on("data", (d) => {
      received.push(d);
      if (parseResponses(Buffer.concat(received)).length >= wanted) finish();
    });
    // A server that answers early and closes resets the rest of the upload: not a test failure.
    socket.on("error", () => {});
    socket.on("close", () => {
      closedByServer = !done;
      finish();
    });
    socket.on("connect", async () => {
      const write = (b: Buffer) => new Promise<void>((ok) => (socket.write(b) ? ok() : socket.once("drain", ok)));
      await write(Buffer.from(`${head}\r\n\r\n`));
      for (const b of body) {
        if (socket.destroyed) return;
        await write(b);
      }
      if (halfClose && !socket.destroyed) socket.end();
    });
  });
}

/** The whole responses in `raw`, in order: each framed by Content-Length or chunked coding. */
function parseResponses(raw: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  while (at < raw.length) {
    const end = raw.indexOf("\r\n\r\n", at);
    if (end < 0) return out;
    const [statusLine, ...lines] = raw.subarray(at, end).toString("latin1").split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const i = line.indexOf(":");
      headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    at = end + 4;
    let body: Buffer;
    if (headers["transfer-encoding"]?.includes("chunked")) {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = raw.indexOf("\r\n", at);
        if (lineEnd < 0) return out;
        const size = parseInt(raw.subarray(at, lineEnd).toString("latin1"), 16);
        at = lineEnd + 2;
        if (!size) break;
        if (at + size + 2 > raw.length) return out;
        parts.push(raw.subarray(at, at + size));
        at += size + 2;
      }
      if (at + 2 > raw.length) return out;
      at += 2;
      body = Buffer.concat(parts);
    } else {
      const size = Number(headers["content-length"] ?? 0);
      if (at + size > raw.length) return out;
      body = raw.subarray(at, at + size);
      at += size;
    }
    out.push({ status: Number(statusLine.split(" ")[1]), headers, body: body.toString("utf8") });
  }
  return out;
}
