import { describe, expect, it } from "vitest";
import * as z from "zod";
import { createTokenSchema, createUserSchema, setupSchema } from "@/lib/auth/schemas";
import { saveTemplateItemSchema, tickItemBodySchema } from "@/lib/checklists/schemas";
import { addDependencySchema } from "@/lib/dependencies/schemas";
import { updateFacilitySchema } from "@/lib/facilities/schemas";
import { inventoryServiceSchema, inventoryTeamSchema } from "@/lib/inventory/model";
import { createProgrammeSchema } from "@/lib/programmes/schemas";
import { bulkEditServicesSchema, createServiceSchema } from "@/lib/services/schemas";
import { moveStageBodySchema, readSliceRolloutSchema } from "@/lib/slices/schemas";
import { moveSliceSchema, splitSliceSchema, updateWaveSchema } from "@/lib/waves/schemas";
import { textProblem, textSchema } from "./text";

describe("textProblem", () => {
  it.each([
    ["plain text", false, null],
    ["émoji 🚀 and CJK 移行", false, null],
    ["a\u0000b", false, "contains a control character (U+0000)"],
    ["\u0000", true, "contains a control character (U+0000)"],
    ["a\u001bb", true, "contains a control character (U+001B)"],
    ["a\u007fb", false, "contains a control character (U+007F)"],
    ["a\tb", false, "contains a control character (U+0009)"],
    ["line one\nline two", false, "contains a control character (U+000A)"],
    ["line one\r\n\tline two", true, null],
    ["a\u000bb", true, "contains a control character (U+000B)"],
    // Trimming removes these before the value is stored, so they are no error.
    ["  name\n", false, null],
    ["x\ud800", false, "contains an unpaired surrogate (U+D800), which is not valid Unicode text"],
    ["\udc00x", true, "contains an unpaired surrogate (U+DC00), which is not valid Unicode text"],
  ])("%j (multiline %s) -> %s", (value, multiline, expected) => expect(textProblem(value, multiline)).toBe(expected));
});

describe("textSchema", () => {
  it("reports the one problem, named when labelled, before any length or pattern rule", () => {
    const schema = textSchema({ label: "Team name" }).trim().min(1, "empty").max(3, "too long").regex(/^[a-z]+$/, "pattern");
    expect(schema.safeParse("abcdef\u0000").error?.issues.map((i) => i.message)).toEqual(["Team name contains a control character (U+0000)"]);
    expect(schema.parse(" abc ")).toBe("abc");
  });

  it("keeps its own message for a value that is not text", () => {
    expect(textSchema({ error: "must be text" }).safeParse(5).error?.issues[0].message).toBe("must be text");
  });
});

// Every input schema builds its text on textSchema: a NUL in any of these fields is refused
// on that field (a form's field error, a REST body's 400 with the path) instead of reaching
// the database. A new text field built on plain z.string() belongs in this table.
const NUL = "bad\u0000text";
const service = { name: "orders", kind: "api", tier: "2", strategy: "rehost" };
const cases: [string, z.ZodType, Record<string, unknown>, (string | number)[]][] = [
  ["service form", createServiceSchema, service, ["description"]],
  ["service form", createServiceSchema, service, ["team"]],
  ["service form", createServiceSchema, service, ["targetCluster"]],
  ["service form", createServiceSchema, { ...service, tags: ["ok", "x"] }, ["tags", 1]],
  ["service form", createServiceSchema, service, ["repositoryUrl"]],
  ["bulk edit", bulkEditServicesSchema, { ids: ["a"], addTags: ["x"] }, ["addTags", 0]],
  ["bulk edit", bulkEditServicesSchema, { ids: ["a"], targetNamespace: "x" }, ["targetNamespace"]],
  ["import service", inventoryServiceSchema, { name: "orders" }, ["launchCommand"]],
  ["import team", inventoryTeamSchema, { name: "payments" }, ["contactChannel"]],
  ["tick body", tickItemBodySchema, { state: "na", reason: "x" }, ["reason"]],
  ["tick body", tickItemBodySchema, { state: "done", evidenceUrl: "https://x.example/pr/1" }, ["evidenceUrl"]],
  ["stage move body", moveStageBodySchema, { to: "0", observed: "x" }, ["observed"]],
  ["rollout paste", readSliceRolloutSchema, { sliceId: "s", yaml: "kind: Rollout" }, ["yaml"]],
  ["template item", saveTemplateItemSchema, { templateId: "t", title: "x", category: "migrated", appliesTo: "all", gateStage: "none" }, ["guidance"]],
  ["wave", updateWaveSchema, { number: 1 }, ["goal"]],
  ["wave move", moveSliceSchema, { sliceId: "s", toWave: 2 }, ["reason"]],
  ["slice split", splitSliceSchema, { sliceId: "s", serviceIds: ["a"], name: "x" }, ["name"]],
  ["facility", updateFacilitySchema, { key: "k", status: "ready" }, ["notes"]],
  ["programme", createProgrammeSchema, { name: "x" }, ["name"]],
  ["user", createUserSchema, { email: "a@example.com", name: "x", role: "viewer" }, ["name"]],
  ["token", createTokenSchema, { email: "a@example.com", name: "x" }, ["name"]],
  ["setup", setupSchema, { code: "setup-code", name: "x", email: "a@example.com", password: "long enough password" }, ["name"]],
  ["dependency", addDependencySchema, { fromId: "a", to: "b" }, ["to"]],
];

describe("every input schema refuses a NUL on its field", () => {
  it.each(cases)("%s: %j", (_, schema, valid, path) => {
    expect(schema.safeParse(valid).success).toBe(true);
    const input = structuredClone(valid);
    let at: Record<string | number, unknown> = input;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path.at(-1)!] = path[0] === "repositoryUrl" || path[0] === "evidenceUrl" ? `https://x.example/${NUL}` : NUL;
    const issues = schema.safeParse(input).error?.issues ?? [];
    expect(issues).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(/contains a control character \(U\+0000\)$/) }));
  });

  it("reaches a form as that field's error", () => {
    const result = createServiceSchema.safeParse({ ...service, description: NUL });
    expect(z.flattenError(result.error!).fieldErrors).toEqual({ description: ["contains a control character (U+0000)"] });
  });
});
