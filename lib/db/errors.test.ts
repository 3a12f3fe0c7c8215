import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "./errors";

// CI found a tick answered 500 INTERNAL while PostgreSQL restarted under load: errors of a
// connection that broke mid-request must read as the outage they are (503 UNAVAILABLE).
describe("isDatabaseUnavailable", () => {
  it.each([
    ["a pg client whose connection broke", new Error("Client has encountered a connection error and is not queryable")],
    ["the server shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["the server starting", new Error("the database system is starting up")],
    ["a transaction whose connection went away", new Prisma.PrismaClientKnownRequestError("Transaction API error: Transaction already closed", { code: "P2028", clientVersion: "7" })],
    ["a wrapped reset", Object.assign(new Error("query failed"), { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) })],
  ])("takes %s for an outage", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7" })],
    ["a bug", new Error("Cannot read properties of undefined")],
  ])("does not take %s for an outage", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
