import { describe, expect, it } from "vitest";
import { clearHistoryMemo, memoised } from "./memo";

// The history memo under concurrency: the overview after a tick is asked for by everyone at once.
describe("memoised", () => {
  it("runs one build for callers that ask while it runs, and keeps its answer", async () => {
    clearHistoryMemo();
    let builds = 0;
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const build = async () => {
      builds++;
      await gate;
      return { built: builds };
    };
    const waiting = Array.from({ length: 50 }, () => memoised("reports", "p1|2026-W48|UTC|7", build));
    finish();
    const answers = await Promise.all(waiting);
    expect(builds).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(await memoised("reports", "p1|2026-W48|UTC|7", build)).toBe(answers[0]);
    expect(builds).toBe(1);
    // Another history version is another entry.
    await memoised("reports", "p1|2026-W48|UTC|8", build);
    expect(builds).toBe(2);
  });

  it("keeps no failed build: the next caller builds again", async () => {
    clearHistoryMemo();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("database gone");
    };
    await expect(memoised("overview", "p2|1", failing)).rejects.toThrow("database gone");
    await expect(memoised("overview", "p2|1", async () => ({ ok: true }))).resolves.toEqual({ ok: true });
    expect(calls).toBe(1);
  });
});
