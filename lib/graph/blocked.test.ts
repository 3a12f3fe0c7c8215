import { describe, expect, it } from "vitest";
import { blockedDependencies, type BlockingNode } from "./blocked";

const node = (name: string, slice: string | null, wave: number | null, status: BlockingNode["status"], more: Partial<BlockingNode> = {}): BlockingNode => ({
  name,
  kind: "api",
  shared: false,
  slice,
  wave,
  status,
  ...more,
});

describe("blockedDependencies", () => {
  const cases: [string, BlockingNode[], boolean][] = [
    ["the slice depended on is in an earlier wave and not live", [node("a", "A", 2, "planned"), node("b", "B", 1, "preparing")], true],
    ["the slice depended on is live", [node("a", "A", 2, "planned"), node("b", "B", 1, "live")], false],
    ["the slice depended on is done", [node("a", "A", 2, "planned"), node("b", "B", 1, "done")], false],
    ["the waiting slice is itself live", [node("a", "A", 2, "live"), node("b", "B", 1, "preparing")], false],
    ["both in one slice", [node("a", "A", 2, "planned"), node("b", "A", 2, "planned")], false],
    ["the one depended on is planned later (a violation, not a wait)", [node("a", "A", 1, "planned"), node("b", "B", 2, "planned")], false],
    ["the same wave", [node("a", "A", 2, "planned"), node("b", "B", 2, "planned")], false],
    ["the one depended on is in no slice", [node("a", "A", 2, "planned"), node("b", null, null, null)], false],
    ["the one depended on is in no wave", [node("a", "A", 2, "planned"), node("b", "B", null, "planned")], false],
    // Infrastructure moves after its users: the datastore's slice waits for the application's.
    ["an application uses infrastructure planned after it", [node("a", "A", 1, "shifting"), node("b", "B", 3, "planned", { kind: "datastore" })], true],
    ["an application uses infrastructure planned before it", [node("a", "A", 3, "planned"), node("b", "B", 1, "planned", { kind: "datastore" })], false],
    ["a shared service counts as infrastructure", [node("a", "A", 1, "preparing"), node("b", "B", 4, "planned", { shared: true })], true],
  ];
  it.each(cases)("a -> b: %s", (_label, nodes, expected) => {
    expect(blockedDependencies(nodes, [{ from: "a", to: "b" }])).toEqual([expected]);
  });

  it("never blocks a dependency naming an unknown service", () => {
    expect(blockedDependencies([node("a", "A", 2, "planned")], [{ from: "a", to: "ghost" }])).toEqual([false]);
  });
});
