import { describe, expect, it } from "vitest";
import { isHttpUrl, saveTemplateItemSchema, tickChecklistItemSchema, tickItemBodySchema } from "./schemas";

describe("isHttpUrl", () => {
  it.each([
    ["https://github.com/org/repo/pull/1", true],
    ["http://grafana.internal:3000/d/abc", true],
    ["javascript:alert(1)", false],
    ["data:text/html,hi", false],
    ["ftp://files.example/x", false],
    ["/relative/path", false],
    ["not a url", false],
    ["", false],
  ])("%s -> %s", (text, expected) => expect(isHttpUrl(text)).toBe(expected));
});

describe("tickItemBodySchema", () => {
  it("accepts done with evidence, open, and na with a reason", () => {
    expect(tickItemBodySchema.parse({ state: "done", evidenceUrl: " https://x.example/pr/1 " })).toEqual({ state: "done", evidenceUrl: "https://x.example/pr/1" });
    expect(tickItemBodySchema.parse({ state: "open" })).toEqual({ state: "open" });
    expect(tickItemBodySchema.parse({ state: "na", reason: "no cron jobs" })).toEqual({ state: "na", reason: "no cron jobs" });
  });

  it.each([
    [{ state: "na" }, "reason"],
    [{ state: "na", reason: "  " }, "reason"],
    [{ state: "done", evidenceUrl: "javascript:alert(1)" }, "evidenceUrl"],
    [{ state: "ticked" }, "state"],
    [{ state: "done", extra: 1 }, ""],
  ])("refuses %j at %s", (body, path) => {
    const result = tickItemBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  it("requires the slice and item ids as a mutation input", () => {
    expect(tickChecklistItemSchema.safeParse({ state: "done" }).success).toBe(false);
    expect(tickChecklistItemSchema.safeParse({ sliceId: "s", itemId: "i", state: "done" }).success).toBe(true);
  });
});

describe("saveTemplateItemSchema", () => {
  it("reads 'none' as no gate and keeps a stage", () => {
    const base = { templateId: "t", title: "Probes", category: "migrated", appliesTo: "all" };
    expect(saveTemplateItemSchema.parse({ ...base, gateStage: "none" }).gateStage).toBeNull();
    expect(saveTemplateItemSchema.parse({ ...base, gateStage: "10" }).gateStage).toBe("10");
    expect(saveTemplateItemSchema.safeParse({ ...base, gateStage: "7" }).success).toBe(false);
    expect(saveTemplateItemSchema.safeParse({ ...base, title: " ", gateStage: "1" }).success).toBe(false);
  });
});
