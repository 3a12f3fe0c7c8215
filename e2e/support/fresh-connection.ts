import http from "node:http";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One request on a connection of its own, as many separate clients (or the replicas behind a
 * load balancer) would see the server, rather than one client's keep-alive connection.
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
