import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, formField, invalidInput, submittedValues, withSubmittedValues } from "./define-action";

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

// A failed action sends back what was submitted, so the form shows it again (issue 14).
describe("submittedValues", () => {
  it("keeps every text field as typed, empty ones too, repeated names as lists", () => {
    const form = new FormData();
    form.append("name", "Not A Name");
    form.append("description", "");
    form.append("configSources", "env");
    form.append("configSources", "file");
    form.append("$ACTION_ID_abc", "");
    expect(submittedValues(form)).toEqual({ name: "Not A Name", description: "", configSources: ["env", "file"] });
  });

  it("never sends back a password or a file", () => {
    const form = new FormData();
    form.set("email", "ana@example.com");
    form.set("password", "hunter22hunter22");
    form.set("newPassword", "x");
    form.set("upload", new Blob(["x"]));
    expect(submittedValues(form)).toEqual({ email: "ana@example.com" });
  });

  it.each([undefined, null, { name: "x" }])("is empty for %j", (value) => {
    expect(submittedValues(value)).toEqual({});
  });
});

describe("withSubmittedValues", () => {
  const form = new FormData();
  form.set("email", "ana@example.com");
  it("attaches the values to a failure", () => {
    expect(withSubmittedValues({ ok: false, formError: "No.", fieldErrors: {} }, form)).toEqual({ ok: false, formError: "No.", fieldErrors: {}, values: { email: "ana@example.com" } });
  });
  it("leaves a success, and a call without a form, as they are", () => {
    expect(withSubmittedValues({ ok: true, data: 1 }, form)).toEqual({ ok: true, data: 1 });
    expect(withSubmittedValues({ ok: false, formError: "No.", fieldErrors: {} }, { email: "x" })).toEqual({ ok: false, formError: "No.", fieldErrors: {} });
  });
});

describe("invalidInput", () => {
  const schema = z.strictObject({ name: z.string().min(2, "too short"), tier: z.string().optional() }).refine((v) => v.tier !== undefined, { error: "Choose at least one field to change" });
  it("keeps a rule over the whole form as the form's message, beside each field's own", () => {
    const onlyForm = invalidInput(schema.safeParse({ name: "ok" }).error!);
    expect(onlyForm.formError).toBe("Choose at least one field to change");
    expect(onlyForm.fieldErrors).toEqual({});
    const fieldOnly = invalidInput(z.strictObject({ name: z.string().min(2, "too short") }).safeParse({ name: "x" }).error!);
    expect(fieldOnly).toMatchObject({ code: "INVALID", formError: "Please correct the highlighted fields.", fieldErrors: { name: ["too short"] } });
  });
});
