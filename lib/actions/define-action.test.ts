import { describe, expect, it } from "vitest";
import { formDataToObject } from "./define-action";

describe("formDataToObject", () => {
  it("turns a form into fields, repeated keys into arrays, and drops React's own fields", () => {
    const form = new FormData();
    form.append("name", "api");
    form.append("tag", "a");
    form.append("tag", "b");
    form.append("empty", "");
    form.append("$ACTION_ID_x", "");
    expect(formDataToObject(form)).toEqual({ name: "api", tag: ["a", "b"] });
  });

  // A hand-made action request can leave the form out; that threw (a 500) before.
  it.each([undefined, null, "text", 42, { name: "x" }])("gives an empty object for %j", (value) => {
    expect(formDataToObject(value)).toEqual({});
  });
});
