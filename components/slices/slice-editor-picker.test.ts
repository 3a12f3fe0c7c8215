import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxPicker, pickerOption, serviceOptions } from "./slice-editor-picker";

const render = (n: number) =>
  renderToStaticMarkup(
    createElement(CheckboxPicker, {
      name: "sliceIds",
      legend: "Slices to merge",
      options: Array.from({ length: n }, (_, i) => pickerOption(`s${i}`, `Slice ${i}`, ["Orders", "wave 2"], "Orders")),
      checked: (id: string) => id === "s1",
      empty: "Nothing to merge.",
    }),
  );

// The merge editor listed every slice not started with no filter: on a large programme, over
// a thousand checkboxes to scroll through. It now shares the services editor's picker.
describe("the checkbox picker of the slice editors", () => {
  it("offers a filter from nine choices on, and none below", () => {
    expect(render(8)).not.toContain("Filter by name or team");
    expect(render(9)).toContain("Filter by name or team");
    expect(render(9)).toContain("9 of 9 shown");
  });

  it("keeps the ticks it was given and says when there is nothing to choose", () => {
    const html = render(3);
    expect(html.match(/checked=""/g)).toHaveLength(1);
    expect(html).toMatch(/name="sliceIds" checked="" value="s1"/);
    expect(render(0)).toContain("Nothing to merge.");
  });

  it("matches what a person sees: the name and the team, in any case", () => {
    const [option] = serviceOptions([{ id: "a", name: "Orders-API", kind: "api", team: { name: "Checkout" } }]);
    expect(option).toEqual({ id: "a", label: "Orders-API", detail: "· api · Checkout", search: "orders-api\ncheckout" });
    expect(serviceOptions([{ id: "b", name: "cron", kind: "job", team: null }])[0].detail).toBe("· job");
    expect(pickerOption("s", "Refunds", ["Checkout", "no wave"], "Checkout").detail).toBe("· Checkout · no wave");
  });
});
