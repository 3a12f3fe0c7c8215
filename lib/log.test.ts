import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runInRequestContext } from "@/lib/http/request-context";
import { createLogger, isSecretField, logWith, redactFields, REDACTED, scrubLine } from "./log";

/** A logger writing into an array of parsed lines, with `secrets` as the configured ones. */
function capture(secrets: string[] = []) {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger(stream, secrets);
  logger.level = "debug";
  return { log: logWith(() => logger), raw, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

// Values that must never be written, whatever carries them.
const ADMIN_TOKEN = "admin-token-0123456789abcdef";
const AUTH_SECRET = "auth-secret-auth-secret-auth-secret-42";
const API_TOKEN = "ferry_Q2hlY2tNZU91dFRoaXNJc0FUb2tlbjAxMjM0NTY3";
const SESSION = "s3ss10nT0k3nV4lu3.s1gn4tur3";
const DB_PASSWORD = "db-pa55word-xyz";
const USER_PASSWORD = "correct horse battery staple";
const KNOWN_SECRETS = [ADMIN_TOKEN, AUTH_SECRET, API_TOKEN, SESSION, DB_PASSWORD, USER_PASSWORD];

describe("the JSON log", () => {
  it("writes one JSON object per line with level, time and msg", () => {
    const { log, raw, lines } = capture();
    log.info("hello", { count: 3 });
    log.warn("careful");
    log.error("broken", { error: new TypeError("bad input") });
    expect(raw).toHaveLength(3);
    const [info, warn, error] = lines();
    expect(info).toMatchObject({ level: "info", msg: "hello", count: 3 });
    expect(new Date(String(info.time)).toISOString()).toBe(info.time);
    expect(warn).toMatchObject({ level: "warn", msg: "careful" });
    expect(error).toMatchObject({ level: "error", msg: "broken", error: { type: "TypeError", message: "bad input" } });
    expect(String((error.error as { stack: string }).stack)).toContain("TypeError: bad input");
  });

  it("puts the request's id and actor on every line the request causes, however deep", async () => {
    const { log, lines } = capture();
    await runInRequestContext({ requestId: "req-42", method: "GET", path: "/x" }, async () => {
      log.info("before the actor is known");
      await new Promise((r) => setTimeout(r, 1));
      const context = (await import("@/lib/http/request-context")).currentRequest()!;
      context.actorId = "user-7";
      await Promise.resolve().then(() => log.warn("database error", { error: new Error("connection reset") }));
    });
    log.info("outside any request");
    const [first, second, third] = lines();
    expect(first).toMatchObject({ request_id: "req-42" });
    expect(first).not.toHaveProperty("actor_id");
    expect(second).toMatchObject({ request_id: "req-42", actor_id: "user-7" });
    expect(third).not.toHaveProperty("request_id");
  });

  it("spells a caller's requestId as request_id, and an explicit one wins", () => {
    const { log, lines } = capture();
    runInRequestContext({ requestId: "ctx-id", method: "GET", path: "/" }, () => log.info("x", { requestId: "given-id" }));
    expect(lines()[0]).toMatchObject({ request_id: "given-id" });
    expect(lines()[0]).not.toHaveProperty("requestId");
  });

  it("never writes a known secret, whatever field, message or error carries it", () => {
    const { log, raw } = capture([ADMIN_TOKEN, AUTH_SECRET, DB_PASSWORD]);
    log.info("headers", { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, cookie: `better-auth.session_token=${SESSION}`, "set-cookie": [`better-auth.session_token=${SESSION}; Path=/`], accept: "text/html" } });
    log.info("sign-in", { email: "a@b.c", password: USER_PASSWORD, form: { newPassword: USER_PASSWORD, currentPassword: USER_PASSWORD } });
    log.info("token made", { token: API_TOKEN, apiToken: API_TOKEN, nested: [{ deeper: { client_secret: AUTH_SECRET, accessToken: API_TOKEN } }] });
    log.warn(`caller sent Authorization: Bearer ${API_TOKEN}`);
    log.error("database", { error: new Error(`connect to postgresql://ferry:${DB_PASSWORD}@db:5432/ferry failed`) });
    log.error("config", { note: `the admin token is ${ADMIN_TOKEN} and the secret ${AUTH_SECRET}` });
    log.info("cookie in text", { detail: `Cookie: better-auth.session_token=${SESSION}; theme=dark` });
    log.info("a Headers object", { headers: new Headers({ Authorization: `Bearer ${ADMIN_TOKEN}`, Cookie: `x=${SESSION}` }) });
    const text = raw.join("\n");
    for (const secret of KNOWN_SECRETS) expect(text, secret).not.toContain(secret);
    // What is not secret stays readable.
    expect(text).toContain('"accept":"text/html"');
    expect(text).toContain('"email":"a@b.c"');
    expect(text).toContain("postgresql://ferry:[redacted]@db:5432/ferry");
    expect(text).toContain("theme=dark");
  });

  it("names secret fields however they are spelled", () => {
    for (const key of ["authorization", "Authorization", "cookie", "Set-Cookie", "set_cookie", "password", "userPassword", "token", "csrfToken", "secret", "clientSecret", "BETTER_AUTH_SECRET", "setupCode", "DATABASE_URL"]) {
      expect(isSecretField(key), key).toBe(true);
    }
    for (const key of ["tokenPrefix", "email", "code", "status", "route", "method", "passwordChangedAt"]) expect(isSecretField(key), key).toBe(false);
  });

  it("redacts at any depth without touching the caller's objects, and survives cycles", () => {
    const input: Record<string, unknown> = { a: { b: { c: { password: "x" } } }, list: [{ token: "y" }] };
    input.self = input;
    const out = redactFields(input) as Record<string, never>;
    expect(out).toMatchObject({ a: { b: { c: { password: REDACTED } } }, list: [{ token: REDACTED }], self: "[elided]" });
    expect((input.a as { b: { c: { password: string } } }).b.c.password).toBe("x");
  });

  it("scrubs lines of configured secrets as JSON escapes them", () => {
    const secret = 'quote"and\\backslash-secret';
    const line = JSON.stringify({ msg: `x ${secret} y` });
    expect(scrubLine(line, [secret, JSON.stringify(secret).slice(1, -1)])).toBe(JSON.stringify({ msg: `x ${REDACTED} y` }));
  });

  it("writes nothing below its level", () => {
    const { raw } = capture();
    const logger = createLogger(new Writable({ write: (c, _e, done) => (raw.push(String(c)), done()) }), []);
    logger.level = "warn";
    const quiet = logWith(() => logger);
    quiet.info("not shown");
    quiet.debug("not shown");
    expect(quiet.enabled("info")).toBe(false);
    expect(raw).toEqual([]);
  });
});
