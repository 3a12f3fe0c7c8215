import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildOpenReport, getReportNotes } from "../queries";
import { closeReportWeekSchema, type CloseReportWeekInput } from "../schemas";
import { weekBounds } from "../weeks";

/**
 * Closes a week that has ended (manager only): stores its report as issued now, with its
 * notes, and a report_week.closed event. From then on the week's report is the stored one,
 * whatever history later says (the differences show as corrections). Closing twice is a CONFLICT.
 */
export async function closeReportWeek(actor: Actor, programmeSlug: string, input: CloseReportWeekInput): Promise<{ week: string; closedAt: string }> {
  const programme = await authorize(actor, programmeSlug, "report.notes");
  const parsed = closeReportWeekSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "The week is not valid.", parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })));
  const { week } = parsed.data;
  const { timeZone } = await db.programme.findUniqueOrThrow({ where: { id: programme.id }, select: { timeZone: true } });
  const closedAt = new Date();
  const range = weekBounds(week, timeZone);
  if (range.end > closedAt.getTime()) throw new AppError("INVALID", `${week} has not ended yet: a week can be closed from the Monday after it.`, [{ path: "week", message: "Choose a week that has ended." }]);
  if (await db.reportWeek.findUnique({ where: { programmeId_week: { programmeId: programme.id, week } }, select: { week: true } })) throw closedTwice(week);
  // Built before the transaction: it reads the whole history, and the embedded database runs
  // one transaction at a time. The notes are read again inside it, so the stored ones are current.
  const report = await buildOpenReport(programme.id, week, await getReportNotes(programme.id, week), closedAt);
  try {
    return await db.$transaction(async (tx) => {
      const note = await tx.reportNote.findUnique({ where: { programmeId_week: { programmeId: programme.id, week } }, select: { notes: true, asks: true, updatedAt: true, author: { select: { name: true } } } });
      const notes = note ? { notes: note.notes, asks: note.asks, author: note.author?.name ?? null, updatedAt: note.updatedAt.toISOString() } : report.notes;
      const issued = { ...report, notes, closed: { closedAt: closedAt.toISOString(), closedBy: actor.name, corrections: [] } };
      await tx.reportWeek.create({ data: { programmeId: programme.id, week, closedAt, closedById: actor.userId, closedByName: actor.name, report: issued as unknown as Prisma.InputJsonValue } });
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "report_week",
        entityId: week,
        action: "report_week.closed",
        after: { week, start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString(), timeZone },
      });
      return { week, closedAt: closedAt.toISOString() };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw closedTwice(week);
    throw error;
  }
}

const closedTwice = (week: string) => new AppError("CONFLICT", `${week} is already closed.`);
