import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, readViewParams, writeViewParams, type ViewParams } from "./view-params";

const read = (query: string) => readViewParams(new URLSearchParams(query));

describe("readViewParams", () => {
  it("gives the default view for an empty query", () => {
    expect(read("")).toEqual({ params: DEFAULT_VIEW, notices: [] });
  });

  it("reads every parameter, lists as repeated keys", () => {
    const { params, notices } = read("group=team&expand=team:A&expand=team:B%2C%20C&colour=status&team=A&team=B&wave=2&wave=none&kind=api&status=live&stage=10&dep=async&focus=x&depth=3&dir=down&select=y&hl=cycles");
    expect(notices).toEqual([]);
    expect(params).toEqual({ ...DEFAULT_VIEW, group: "team", expand: ["team:A", "team:B, C"], colour: "status", team: ["A", "B"], wave: ["2", "none"], kind: ["api"], status: ["live"], stage: ["10"], dep: ["async"], focus: "x", depth: 3, dir: "down", select: "y", highlight: ["cycles"] });
  });

  it("ignores unknown values with a notice each, keeping the known ones", () => {
    const { params, notices } = read("group=planet&colour=mood&kind=api&kind=robot&depth=99&dir=sideways&dep=telepathy&hl=glow");
    expect(params).toEqual({ ...DEFAULT_VIEW, kind: ["api"], highlight: [] });
    expect(notices).toHaveLength(7);
    expect(notices.join(" ")).toMatch(/group=planet/);
    expect(notices.join(" ")).toMatch(/kind=robot/);
    expect(notices.join(" ")).toMatch(/depth=99/);
  });

  it("reads expand=all and hl=none", () => {
    expect(read("expand=all&expand=wave:1").params.expand).toBe("all");
    expect(read("hl=none").params.highlight).toEqual([]);
  });
});

describe("writeViewParams", () => {
  it("leaves defaults out", () => {
    expect(writeViewParams(DEFAULT_VIEW).toString()).toBe("");
  });

  it("round-trips through readViewParams", () => {
    const view: ViewParams = { ...DEFAULT_VIEW, group: "system", expand: ["system:a,b"], colour: "team", team: ["Checkout & Pay"], status: ["none"], focus: "cart-api", depth: 4, dir: "up", select: "cart-api", highlight: ["blocked"] };
    expect(read(writeViewParams(view).toString()).params).toEqual(view);
    expect(read(writeViewParams({ ...DEFAULT_VIEW, expand: "all", highlight: [] }).toString()).params).toEqual({ ...DEFAULT_VIEW, expand: "all", highlight: [] });
  });

  it("drops depth and direction without a focus", () => {
    expect(writeViewParams({ ...DEFAULT_VIEW, depth: 5, dir: "up" }).toString()).toBe("");
  });
});
