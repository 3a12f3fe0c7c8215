import { z } from "zod";
import { dateSchema } from "@/lib/validation/date";
import { textSchema } from "@/lib/validation/text";

export const slugSchema = textSchema()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{0,48}[a-z0-9]$/, "use 2-50 lowercase letters, digits and hyphens, starting with a letter");

/** A calendar date as YYYY-MM-DD, a real day from 1970 to 9999 (lib/validation/date.ts). */
export const isoDateSchema = dateSchema({ error: "use a date like 2027-06-30" });

export const createProgrammeSchema = z.strictObject({
  name: textSchema().trim().min(1, "a name is required").max(100),
  slug: slugSchema.optional(),
  targetDate: isoDateSchema.optional(),
});
export type CreateProgrammeInput = z.infer<typeof createProgrammeSchema>;

export const programmeSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  targetDate: z.string().nullable().describe("YYYY-MM-DD"),
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

/** A URL-safe slug from a programme name ("Payments 2027" -> "payments-2027"). */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  return /^[a-z]/.test(slug) && slug.length >= 2 ? slug : `p-${slug || "programme"}`.slice(0, 50);
}
