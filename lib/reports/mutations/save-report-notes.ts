import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { saveReportNotesSchema, type SaveReportNotesInput } from "../schemas";
import type { ReportNotes } from "../types";

/**
 * Saves the manager's notes and asks for one week (manager only), with a report_note.updated
 * event in the same transaction, so the audit log shows who wrote what. A closed week's notes
 * are part of its issued report and cannot change (CONFLICT). Saving the same text again
 * writes nothing.
 */
export async function saveReportNotes(actor: Actor, programmeSlug: string, input: SaveReportNotesInput): Promise<ReportNotes> {
  const programme = await authorize(actor, programmeSlug, "report.notes");
  const parsed = saveReportNotesSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "The notes are not valid.", parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })));
  const { week, notes, asks } = parsed.data;
  return db.$transaction(async (tx) => {
    if (await tx.reportWeek.findUnique({ where: { programmeId_week: { programmeId: programme.id, week } }, select: { week: true } })) {
      throw new AppError("CONFLICT", `${week} is closed: its report was issued with the notes it had then.`);
    }
    const existing = await tx.reportNote.findUnique({ where: { programmeId_week: { programmeId: programme.id, week } }, select: { id: true, notes: true, asks: true, updatedAt: true, author: { select: { name: true } } } });
    if (existing && existing.notes === notes && existing.asks === asks) {
      return { notes, asks, author: existing.author?.name ?? null, updatedAt: existing.updatedAt.toISOString() };
    }
    const row = await tx.reportNote.upsert({
      where: { programmeId_week: { programmeId: programme.id, week } },
      create: { programmeId: programme.id, week, notes, asks, authorId: actor.userId },
      update: { notes, asks, authorId: actor.userId },
      select: { id: true, updatedAt: true },
    });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "report_note",
      entityId: row.id,
      action: "report_note.updated",
      before: { week, notes: existing?.notes ?? "", asks: existing?.asks ?? "" },
      after: { week, notes, asks },
    });
    return { notes, asks, author: actor.name, updatedAt: row.updatedAt.toISOString() };
  });
}
