import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { setReportTimeZoneSchema, type SetReportTimeZoneInput } from "../schemas";

/**
 * Sets the time zone the programme's report weeks are counted in (manager only), with a
 * programme.time_zone_changed event. Closed weeks keep the range they were issued with.
 */
export async function setReportTimeZone(actor: Actor, programmeSlug: string, input: SetReportTimeZoneInput): Promise<{ timeZone: string }> {
  const programme = await authorize(actor, programmeSlug, "programme.edit");
  const parsed = setReportTimeZoneSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "The time zone is not valid.", parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })));
  const { timeZone } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.programme.findUniqueOrThrow({ where: { id: programme.id }, select: { timeZone: true } });
    if (before.timeZone === timeZone) return { timeZone };
    await tx.programme.update({ where: { id: programme.id }, data: { timeZone } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "programme", entityId: programme.id, action: "programme.time_zone_changed", before: { timeZone: before.timeZone }, after: { timeZone } });
    return { timeZone };
  });
}
