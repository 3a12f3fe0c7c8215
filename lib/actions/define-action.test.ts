import { describe, expect, it } from "vitest";
import { formDataToObject, formField } from "./define-action";

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

// Actions read a field again after the mutation (the path to revalidate); a hand-made request
// passing a plain object got past the schema and then threw on form.get (a 500).
describe("formField", () => {
  it("reads a text field of a form", () => {
    const form = new FormData();
    form.set("programme", "demo");
    form.set("file", new Blob(["x"]));
    expect(formField(form, "programme")).toBe("demo");
    expect(formField(form, "file")).toBeUndefined();
    expect(formField(form, "missing")).toBeUndefined();
  });
  it.each([undefined, null, { programme: "demo" }])("is undefined for %j", (value) => {
    expect(formField(value, "programme")).toBeUndefined();
  });
});
