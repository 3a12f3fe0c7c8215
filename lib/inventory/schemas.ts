/**
 * What an import takes and returns, shared by the REST route, the server actions and the
 * OpenAPI document.
 */
import * as z from "zod";
import { intSchema } from "@/lib/validation/number";
import { MAX_IMPORT_BYTES } from "./limits";

export const IMPORT_FORMATS = ["backstage", "csv", "ferry"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const importFormatSchema = z.enum(IMPORT_FORMATS, { error: "must be one of backstage, csv, ferry" });

const flag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1 or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true");

/** The import route's query string. */
export const importQuerySchema = z.strictObject({
  format: importFormatSchema,
  dryRun: flag,
  /** Also delete what the preview lists as missing from the file. Never the default. */
  removeMissing: flag,
});

/** An import as the mutations take it: the file's text and what to do with it. */
export const importInventorySchema = z.strictObject({
  format: importFormatSchema,
  // Plain z.string(): the file is not stored; the parsers check each value with textSchema,
  // so a control character is a row error with its line, not one error for the whole file.
  text: z.string().max(MAX_IMPORT_BYTES, { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` }),
  confirmRemovals: z.boolean().default(false),
  /** How many removals the user saw in the preview; a different number at apply time is a CONFLICT. */
  expectedRemovals: intSchema().optional(),
});
export type ImportInventoryInput = z.input<typeof importInventorySchema>;

const rowErrorSchema = z.object({ line: z.int(), message: z.string() });
const depSchema = z.object({ from: z.string(), to: z.string(), kind: z.string() });

/** What an import did (or, for a preview, would do). The first four fields are API.md's contract. */
export const importReportSchema = z.object({
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  errors: z.array(rowErrorSchema),
  applied: z.boolean(),
  removable: z.int(),
  removed: z.int(),
  warnings: z.array(rowErrorSchema),
  changes: z.object({
    teams: z.object({ create: z.array(z.string()), update: z.array(z.string()), remove: z.array(z.string()) }),
    services: z.object({
      create: z.array(z.string()),
      update: z.array(z.object({ name: z.string(), fields: z.array(z.string()) })),
      remove: z.array(z.string()),
    }),
    dependencies: z.object({
      create: z.array(depSchema),
      update: z.array(z.object({ from: z.string(), to: z.string(), was: z.string(), kind: z.string() })),
      remove: z.array(depSchema),
    }),
  }),
});
export type ImportReport = z.infer<typeof importReportSchema>;
