import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/actions/define-action";
import { BULK_EDIT_NO_TEAM, bulkEditServicesFormSchema, bulkEditServicesSchema } from "./schemas";

/** The bulk edit form as the browser posts it, with the selection appended as repeated ids. */
function form(fields: Record<string, string>, ids: string[]): Record<string, unknown> {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const id of ids) data.append("ids", id);
  return formDataToObject(data);
}

const blank = { team: "", strategy: "", tier: "", addTags: "", removeTags: "", targetNamespace: "" };

describe("bulkEditServicesFormSchema", () => {
  it("reads the form into the bulk edit input: fields left at no change are absent", () => {
    expect(bulkEditServicesFormSchema.parse(form({ ...blank, strategy: "retain", addTags: "pci; wave-1,, ", tier: "2" }, ["a", "b"]))).toEqual({
      ids: ["a", "b"],
      strategy: "retain",
      tier: 2,
      addTags: ["pci", "wave-1"],
    });
  });

  it("keeps a single selected id a list, reads No team as null and Clear namespace as null", () => {
    expect(bulkEditServicesFormSchema.parse(form({ ...blank, team: BULK_EDIT_NO_TEAM, targetNamespace: "shop", clearNamespace: "on" }, ["a"]))).toEqual({ ids: ["a"], team: null, targetNamespace: null });
    expect(bulkEditServicesFormSchema.parse(form({ ...blank, team: "alpha", targetNamespace: "  shop " }, ["a"]))).toEqual({ ids: ["a"], team: "alpha", targetNamespace: "shop" });
  });

  it("refuses what the bulk edit input refuses, with the same messages", () => {
    const nothing = bulkEditServicesFormSchema.safeParse(form({ ...blank, addTags: " , ; " }, ["a"]));
    expect(nothing.success).toBe(false);
    expect(nothing.error?.issues.map((i) => i.message)).toEqual(bulkEditServicesSchema.safeParse({ ids: ["a"] }).error?.issues.map((i) => i.message));
    const none = bulkEditServicesFormSchema.safeParse(form({ ...blank, tier: "1" }, []));
    expect(none.error?.issues).toMatchObject([{ path: ["ids"], message: "Select at least one service" }]);
    expect(bulkEditServicesFormSchema.safeParse(form({ ...blank, tier: "9" }, ["a"])).error?.issues).toMatchObject([{ path: ["tier"] }]);
    expect(bulkEditServicesFormSchema.safeParse({ ...form(blank, ["a"]), tier: "1", extra: "x" }).success).toBe(false);
  });
});
