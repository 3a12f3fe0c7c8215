/** Dependency edits from the service page: add, retype, remove. */
import * as z from "zod";
import { DEPENDENCY_KINDS, enumOf } from "@/lib/inventory/model";
import { textSchema } from "@/lib/validation/text";

export const addDependencySchema = z.strictObject({
  fromId: textSchema().min(1),
  /** The service depended on, by name (what the picker shows). */
  to: textSchema({ error: "Choose a service" }).trim().min(1, { error: "Choose a service" }),
  kind: enumOf(DEPENDENCY_KINDS).default("sync"),
});
export type AddDependencyInput = z.input<typeof addDependencySchema>;

export const retypeDependencySchema = z.strictObject({ id: textSchema().min(1), kind: enumOf(DEPENDENCY_KINDS) });
export type RetypeDependencyInput = z.input<typeof retypeDependencySchema>;

export const removeDependencySchema = z.strictObject({ id: textSchema().min(1) });
export type RemoveDependencyInput = z.input<typeof removeDependencySchema>;
