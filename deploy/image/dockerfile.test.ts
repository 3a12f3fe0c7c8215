import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dockerfileProblems, parseDockerfile } from "./dockerfile-rules";

// No hadolint binary can be had on these machines (neither Debian nor npm ships one), so its
// rules that apply to Ferry's image are tests here (dockerfile-rules.ts); the image itself
// cannot be built (no base image can be pulled), so the standalone test runs what it would run.
const dockerfile = fs.readFileSync(path.resolve("Dockerfile"), "utf8");
const dockerignore = fs.readFileSync(path.resolve(".dockerignore"), "utf8").split("\n").map((l) => l.trim());

describe("the Dockerfile", () => {
  it("follows the rules", () => {
    expect(dockerfileProblems(dockerfile)).toEqual([]);
  });

  it("builds in stages and runs only the standalone output, as a numeric non-root user", () => {
    const stages = parseDockerfile(dockerfile);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages.at(-1)!;
    expect(runtime.instructions.filter((i) => i.op === "COPY").map((i) => i.args)).toEqual(["--from=build /src/.next/standalone ./"]);
    expect(runtime.instructions.find((i) => i.op === "USER")?.args).toBe("1000:1000");
    expect(runtime.instructions.find((i) => i.op === "CMD")?.args).toBe('["node", "serve.mjs"]');
  });

  it("keeps dependencies, builds, data and secrets out of the build context", () => {
    for (const entry of ["node_modules", ".git", ".env", ".env.*", ".data", ".next", ".next-*", "lib/generated"]) expect(dockerignore, entry).toContain(entry);
  });

  it("rules catch what they are for", () => {
    const bad = [
      "FROM node:latest AS build",
      "ENV BETTER_AUTH_SECRET=abc",
      "ADD https://example.com/x.tgz /x",
      "RUN cd /src && apt-get install -y curl",
      "FROM node",
      "WORKDIR app",
      "CMD node server.js",
    ].join("\n");
    const problems = dockerfileProblems(bad).join("\n");
    for (const expected of ["DL3007", "DL3006", "DL3020", "DL3003", "DL3015", "DL3000", "DL3025", "no USER", "no HEALTHCHECK", "bakes ENV"]) expect(problems).toContain(expected);
  });
});
