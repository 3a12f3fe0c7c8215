import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";

// The channel between web server processes (ADR 16), over real processes: a primary forks
// workers that share one port, as `npm start` does with next start.
let primary: ChildProcess | undefined;
afterEach(async () => {
  if (primary && primary.exitCode === null) {
    primary.kill("SIGTERM");
    await new Promise((r) => primary!.once("exit", r));
  }
});

async function startPrimary(count: number) {
  const port = await freePort();
  let output = "";
  primary = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "fixtures/primary.ts"), String(count), String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  primary.stdout!.on("data", (d) => (output += d));
  for (let i = 0; i < 300 && !output.includes(`ready ${port}`); i++) await new Promise((r) => setTimeout(r, 50));
  expect(output).toContain(`ready ${port}`);
  return { base: `http://127.0.0.1:${port}`, output: () => output };
}

const pidsAnswering = async (base: string) => ((await (await fetch(`${base}/collect`)).json()) as number[]).sort();

describe("web server processes", () => {
  it("a question asked in one process is answered by every process", async () => {
    const { base } = await startPrimary(3);
    const answers = await pidsAnswering(base);
    expect(new Set(answers).size).toBe(3);
    // Whichever process takes the request, the answers are the same three.
    for (let i = 0; i < 5; i++) expect(await pidsAnswering(base)).toEqual(answers);
  }, 30_000);

  it("a process that dies is replaced, and questions go on being answered by all", async () => {
    const { base, output } = await startPrimary(2);
    const before = await pidsAnswering(base);
    await fetch(`${base}/exit`).catch(() => {}); // the process dies without answering
    let after: number[] = [];
    for (let i = 0; i < 100; i++) {
      after = await pidsAnswering(base).catch(() => []);
      if (after.length === 2 && after.some((pid) => !before.includes(pid))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(after).toHaveLength(2);
    expect(after.filter((pid) => before.includes(pid))).toHaveLength(1);
    expect(output()).toMatch(/exited \(3\); starting another/);
  }, 30_000);

  it("SIGTERM stops every process", async () => {
    const { base } = await startPrimary(2);
    const pids = await pidsAnswering(base);
    primary!.kill("SIGTERM");
    await new Promise((r) => primary!.once("exit", r));
    expect(primary!.exitCode).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
