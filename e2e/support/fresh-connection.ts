import http from "node:http";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One request on a connection of its own. The web server processes share the port by taking
 * connections in turn, so requests sent this way reach every process, where a client's
 * keep-alive connection would reach only one.
 */
export function onFreshConnection(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
