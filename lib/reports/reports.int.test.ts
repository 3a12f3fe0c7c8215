import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { eventRow, insertEvents } from "@/lib/events/record";
import { seedDemoProgramme } from "@/lib/seed";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { userWithRole } from "@/lib/waves/test-helpers";
import { closeReportWeek } from "./mutations/close-report-week";
import { saveReportNotes } from "./mutations/save-report-notes";
import { setReportTimeZone } from "./mutations/set-report-time-zone";
import { getWeeklyReport } from "./queries";
import { addWeeks, weekAt, weekBounds } from "./weeks";
import type { WeekKey } from "./types";

// The weekly report through its REST route and its mutations, on a real database.
let t: TestDatabase;
let route: typeof import("@/app/api/v1/programmes/[slug]/reports/weekly/route");
const ADMIN = "reports-integration-admin-token-0123";
const admin: Actor = { userId: null, name: "admin token", isAdmin: true };

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  route = await import("@/app/api/v1/programmes/[slug]/reports/weekly/route");
});

async function get(slug: string, query: string, token: string = ADMIN) {
  const res = await route.GET(new NextRequest(`http://localhost/api/v1/programmes/${slug}/reports/weekly${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ slug }) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
}

const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });

async function demo() {
  const slug = uniqueSlug("report");
  await seedDemoProgramme(t.db, { slug });
  const programme = await t.db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return { slug, id: programme.id, thisWeek: weekAt(Date.now(), "UTC") };
}

const codeOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
};

describe("GET /programmes/{slug}/reports/weekly", () => {
  it("exports a past week, and exports it identically after later events", async () => {
    const p = await demo();
    const week = addWeeks(p.thisWeek, -2);
    const first = await Promise.all((["json", "md", "csv", "pdf"] as const).map((f) => get(p.slug, `?week=${week}&format=${f}`)));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(first.map((r) => r.headers.get("content-type"))).toEqual(["application/json; charset=utf-8", "text/markdown; charset=utf-8", "text/csv; charset=utf-8", "application/pdf"]);
    expect(first[2].headers.get("content-disposition")).toBe(`attachment; filename="${p.slug}-weekly-report-${week}.csv"`);
    const report = JSON.parse(first[0].text);
    expect(report.range.week).toBe(week);
    expect(report.empty).toBeNull();
    expect(report.slices.length).toBeGreaterThan(0);
    expect(first[2].text.split("\r\n").length).toBe(report.slices.length + 2);
    expect(pdfText(first[3].bytes)).toContain(week);

    // Later work through a live mutation; the current week, read (and kept) before it, shows it at once.
    const item = await t.db.checklistItem.findFirstOrThrow({ where: { programmeId: p.id, state: "open" }, select: { id: true, sliceId: true } });
    const doneNow = async () => (JSON.parse((await get(p.slug, "")).text).slices as { id: string; checklist: { done: number } }[]).find((s) => s.id === item.sliceId)!.checklist.done;
    const doneBefore = await doneNow();
    expect(await doneNow()).toBe(doneBefore);
    const { tickChecklistItem } = await import("@/lib/checklists/mutations/tick-checklist-item");
    await tickChecklistItem(admin, p.slug, { sliceId: item.sliceId, itemId: item.id, state: "done" });
    expect(await t.db.event.count({ where: { programmeId: p.id, at: { gte: new Date(weekBounds(p.thisWeek, "UTC").start) } } })).toBeGreaterThan(0);
    expect(await doneNow()).toBe(doneBefore + 1);

    const again = await Promise.all((["json", "md", "csv", "pdf"] as const).map((f) => get(p.slug, `?week=${week}&format=${f}`)));
    expect(again[0].text).toBe(first[0].text);
    expect(again[1].text).toBe(first[1].text);
    expect(again[2].text).toBe(first[2].text);
    expect(pdfText(again[3].bytes)).toBe(pdfText(first[3].bytes));
    expect(again[3].bytes.equals(first[3].bytes)).toBe(true);
  });

  it("defaults to the current week as JSON, shown inline", async () => {
    const p = await demo();
    const res = await get(p.slug, "");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="${p.slug}-weekly-report-${p.thisWeek}.json"`);
    expect(JSON.parse(res.text).range.week).toBe(p.thisWeek);
  });

  it.each([
    ["?week=2026-W99", "week", /expected an ISO week such as "2026-W47"/],
    ["?week=abc", "week", /expected an ISO week such as "2026-W47"/],
    ["?week=2027-W53", "week", /2027 has weeks 01 to 52/],
    ["?format=docx", "format", /Expected format to be one of json, md, csv, pdf/],
  ])("answers %s with 400 INVALID naming the expected format", async (query, path, message) => {
    const p = await demo();
    const res = await get(p.slug, query);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text);
    expect(body.error.code).toBe("INVALID");
    expect(body.error.message).toMatch(message);
    expect(body.error.details[0].path).toBe(path);
  });

  it("gives an empty-state report before the programme's first event and after the current week", async () => {
    const p = await demo();
    const before = JSON.parse((await get(p.slug, "?week=2020-W10")).text);
    expect(before).toMatchObject({ empty: "before_programme", attention: [], burnUp: [] });
    const future = await get(p.slug, `?week=${addWeeks(p.thisWeek, 3)}&format=md`);
    expect(future.status).toBe(200);
    expect(future.text).toContain("has not started");
  });

  it("lets a viewer read, hides the programme from outsiders and refuses anonymous callers", async () => {
    const p = await demo();
    const viewer = await userWithRole(t.db, p.id, "viewer");
    expect((await get(p.slug, "?format=csv", viewer.token)).status).toBe(200);
    const other = await demo();
    const outsider = await userWithRole(t.db, other.id, "manager");
    expect((await get(p.slug, "", outsider.token)).status).toBe(404);
    expect((await get(p.slug, "", "ferry_not_a_token")).status).toBe(401);
  });

  it("counts the weeks in the programme's time zone, which only a manager sets, to an IANA name", async () => {
    const p = await demo();
    const manager = await userWithRole(t.db, p.id, "manager");
    const viewer = await userWithRole(t.db, p.id, "viewer");
    expect(await codeOf(() => setReportTimeZone(viewer.actor, p.slug, { timeZone: "Pacific/Auckland" }))).toBe("FORBIDDEN");
    expect(await codeOf(() => setReportTimeZone(manager.actor, p.slug, { timeZone: "Mars/Olympus" }))).toBe("INVALID");
    expect(await setReportTimeZone(manager.actor, p.slug, { timeZone: "pacific/auckland" })).toEqual({ timeZone: "Pacific/Auckland" });
    const changed = await t.db.event.findMany({ where: { programmeId: p.id, action: "programme.time_zone_changed" }, select: { before: true, after: true } });
    expect(changed).toEqual([{ before: { timeZone: "UTC" }, after: { timeZone: "Pacific/Auckland" } }]);
    const week = addWeeks(p.thisWeek, -1);
    const r = JSON.parse((await get(p.slug, `?week=${week}`)).text);
    expect(r.range.timeZone).toBe("Pacific/Auckland");
    expect(r.range.start).toBe(new Date(weekBounds(week, "Pacific/Auckland").start).toISOString());
    expect(r.range.start.slice(11)).not.toBe("00:00:00.000Z");
  });
});

describe("notes and closed weeks", () => {
  it("lets only managers write notes, records them on the audit log and prints them in every export", async () => {
    const p = await demo();
    const week = addWeeks(p.thisWeek, -1);
    const manager = await userWithRole(t.db, p.id, "manager");
    const lead = await userWithRole(t.db, p.id, "lead");
    const viewer = await userWithRole(t.db, p.id, "viewer");
    const input = { week, notes: "Checkout **is** live <b>!</b>\n=SUM(A1)", asks: "A DBA on Monday." };
    expect(await codeOf(() => saveReportNotes(viewer.actor, p.slug, input))).toBe("FORBIDDEN");
    expect(await codeOf(() => saveReportNotes(lead.actor, p.slug, input))).toBe("FORBIDDEN");
    expect(await codeOf(() => saveReportNotes(manager.actor, p.slug, { ...input, notes: "x".repeat(4001) }))).toBe("INVALID");
    const saved = await saveReportNotes(manager.actor, p.slug, input);
    expect(saved).toMatchObject({ notes: input.notes, asks: input.asks, author: manager.actor.name });
    // The same text again writes nothing.
    await saveReportNotes(manager.actor, p.slug, input);
    const events = await t.db.event.findMany({ where: { programmeId: p.id, action: "report_note.updated" } });
    expect(events.map((e) => [e.actorName, e.before, e.after])).toEqual([[manager.actor.name, { week, notes: "", asks: "" }, input]]);

    const md = (await get(p.slug, `?week=${week}&format=md`)).text;
    expect(md).toContain("Checkout \\*\\*is\\*\\* live &lt;b&gt;!&lt;/b&gt;  \n\\=SUM(A1)");
    expect(pdfText((await get(p.slug, `?week=${week}&format=pdf`)).bytes)).toContain("Checkout **is** live <b>!</b>");
    expect(JSON.parse((await get(p.slug, `?week=${week}`)).text).notes).toMatchObject({ notes: input.notes, asks: input.asks });
  });

  it("closes an ended week once; later corrections show beside it and in the next week's report", async () => {
    const p = await demo();
    const manager = await userWithRole(t.db, p.id, "manager");
    const viewer = await userWithRole(t.db, p.id, "viewer");
    const week: WeekKey = addWeeks(p.thisWeek, -2);
    await saveReportNotes(manager.actor, p.slug, { week, notes: "Steady week.", asks: "" });
    expect(await codeOf(() => closeReportWeek(viewer.actor, p.slug, { week }))).toBe("FORBIDDEN");
    expect(await codeOf(() => closeReportWeek(manager.actor, p.slug, { week: p.thisWeek }))).toBe("INVALID");
    await closeReportWeek(manager.actor, p.slug, { week });
    expect(await codeOf(() => closeReportWeek(manager.actor, p.slug, { week }))).toBe("CONFLICT");
    expect(await codeOf(() => saveReportNotes(manager.actor, p.slug, { week, notes: "Rewritten", asks: "" }))).toBe("CONFLICT");
    expect(await t.db.event.count({ where: { programmeId: p.id, action: "report_week.closed", entityId: week } })).toBe(1);

    const issuedJson = (await get(p.slug, `?week=${week}`)).text;
    const issuedMd = (await get(p.slug, `?week=${week}&format=md`)).text;
    const issued = JSON.parse(issuedJson);
    expect(issued.closed).toMatchObject({ closedBy: manager.actor.name, corrections: [] });
    expect(issued.notes.notes).toBe("Steady week.");

    // A rollback recorded late, dated inside the closed week.
    const slice = await t.db.slice.findFirstOrThrow({ where: { programmeId: p.id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    const inside = new Date(weekBounds(week, "UTC").start + 2.5 * 86_400_000);
    await insertEvents(t.db, [
      eventRow(admin, { programmeId: p.id, entityType: "slice", entityId: slice.id, action: "slice.rolled_back", at: inside, before: { stage: "10", status: "shifting" }, after: { stage: "10", status: "shifting", kind: "rollback", reason: "recorded late" } }),
    ]);

    const closed = JSON.parse((await get(p.slug, `?week=${week}`)).text);
    // As issued: the rollback is not in the closed week's own figures...
    expect(closed.moved.rollbacks.map((r: { reason: string }) => r.reason)).not.toContain("recorded late");
    expect(closed.notes.notes).toBe("Steady week.");
    // ...and the correction is named beside it.
    expect(closed.closed.corrections).toContainEqual({ field: "moved.rollbacks", issued: "—", now: expect.stringContaining("(recorded late)") });
    const closedMd = (await get(p.slug, `?week=${week}&format=md`)).text;
    expect(closedMd).toContain("History has been corrected since");
    expect(closedMd).toContain("recorded late");
    const body = (md: string) => md.replace(/> Closed on[^\n]*\n/, "").split("## Corrections")[0].trimEnd();
    expect(body(closedMd)).toBe(body(issuedMd));

    const next = await getWeeklyReport(p.id, addWeeks(week, 1));
    expect(next.corrections).toEqual([{ week, changes: expect.arrayContaining([expect.objectContaining({ field: "moved.rollbacks" })]) }]);
    expect((await get(p.slug, `?week=${addWeeks(week, 1)}&format=md`)).text).toContain(`**${week}**`);
  });
});
