/**
 * Zod schemas of the reports domain: what a caller sends (the week, the format, the notes)
 * and the weekly report itself, which documents the JSON export in the OpenAPI document and
 * puts a stored (closed) report's keys back in the report's own order before it is exported.
 */
import { z } from "zod";
import { textSchema } from "@/lib/validation/text";
import { FACILITY_STATUSES } from "@/lib/facilities/schemas";
import { SLICE_STATUSES, STAGES } from "@/lib/slices/stages";
import { ROLLBACK_SIGNALS } from "@/lib/slices/stage-machine";
import { canonicalTimeZone, isWeekKey, WEEK_FORMAT } from "./weeks";
import type { WeekKey } from "./types";

export const weekKeySchema = z
  .string()
  .refine(isWeekKey, { error: `Expected ${WEEK_FORMAT}.` })
  .transform((w) => w as WeekKey)
  .describe('An ISO week, "2026-W47"');

export const REPORT_FORMATS = ["json", "md", "csv", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The weekly report's query. Each parameter is checked on its own so a 400 names the one at fault. */
export const weeklyReportQuerySchema = z.object({
  // For the document: the route reads both itself (readExportRequest), which also refuses a
  // week the calendar lacks ("2027-W53") with a message naming the format.
  week: z.string().regex(/^\d{4}-W\d{2}$/).optional().describe('The ISO week, "2026-W47"; the current week in the programme\'s time zone when left out'),
  format: z.enum(REPORT_FORMATS).optional().describe("json (default), md, csv or pdf"),
});

/** Longest notes or asks: a page of text, about two minutes of reading for a stakeholder. */
export const MAX_NOTE_LENGTH = 4_000;

const noteText = (label: string) =>
  textSchema({ multiline: true, label })
    .max(MAX_NOTE_LENGTH, `Keep the ${label.toLowerCase()} under ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`)
    // Line ends as one kind, trailing space gone: what is stored is what every export prints.
    .transform((s) => s.replace(/\r\n?/g, "\n").trim());

/** The manager's notes and asks for one week: plain text, rendered as text everywhere. */
export const saveReportNotesSchema = z.strictObject({
  week: weekKeySchema,
  notes: noteText("Notes").default(""),
  asks: noteText("Asks").default(""),
});
export type SaveReportNotesInput = z.input<typeof saveReportNotesSchema>;

/** Closing a week: only which one. */
export const closeReportWeekSchema = z.strictObject({ week: weekKeySchema });
export type CloseReportWeekInput = z.input<typeof closeReportWeekSchema>;

/** An IANA time zone name, stored in Intl's spelling ("Europe/Paris"). */
export const timeZoneSchema = z
  .string()
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name.trim());
    if (!canonical) ctx.addIssue({ code: "custom", message: 'Expected an IANA time zone such as "Europe/Paris" or "UTC".' });
    return canonical ?? name;
  });

/** The programme's report time zone. */
export const setReportTimeZoneSchema = z.strictObject({ timeZone: timeZoneSchema });
export type SetReportTimeZoneInput = z.input<typeof setReportTimeZoneSchema>;

// ------------------------------------------------------------------ the report, as exported

const stage = z.enum(STAGES);
const status = z.enum(SLICE_STATUSES);
const facilityStatus = z.enum(FACILITY_STATUSES);
const week = z.string().describe('ISO week, "2026-W47"');
const instant = z.string().describe("UTC ISO 8601 instant");
const day = z.string().describe("YYYY-MM-DD");
const change = <T extends z.ZodType>(t: T) => z.object({ value: t, previous: t });
const ref = { at: instant, sliceId: z.string(), slice: z.string(), team: z.string() };

const reason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("blocked"), waitingOn: z.array(z.object({ slice: z.string(), team: z.string() })) }),
  z.object({ kind: z.literal("planned_end_passed"), plannedEnd: day }),
  z.object({ kind: z.literal("no_progress"), days: z.number() }),
  z.object({ kind: z.literal("rolled_back_twice"), rollbacks: z.number() }),
  z.object({ kind: z.literal("gate_open_past_wave_start"), openGateItems: z.number(), waveStart: day }),
]);

const target = z.enum(["live", "done"]);
const forecastSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("finished"), target, finishedBy: day }),
  z.object({ status: z.literal("insufficient_history"), target, weeksOfHistory: z.number(), weeksNeeded: z.number() }),
  z.object({ status: z.literal("no_pace"), target, remaining: z.number(), weeksSampled: z.number() }),
  z.object({
    status: z.literal("forecast"),
    target,
    remaining: z.number(),
    weeksSampled: z.number(),
    throughput: z.array(z.number()),
    trials: z.number(),
    seed: z.number(),
    dates: z.object({ p50: day, p85: day, p95: day }),
    chanceByTarget: z.number().nullable(),
  }),
]);

const correction = z.object({ field: z.string(), issued: z.string(), now: z.string() });

/** The weekly report (lib/reports/types.ts WeeklyReport), key for key in its order. */
export const weeklyReportSchema = z.object({
  programme: z.object({ slug: z.string(), name: z.string(), targetDate: day.nullable(), timeZone: z.string() }),
  range: z.object({ week, start: instant, end: instant, timeZone: z.string() }),
  empty: z.enum(["before_programme", "future_week"]).nullable(),
  headline: z.object({
    slicesTotal: change(z.number()),
    slicesFinished: change(z.number()),
    slicesDone: change(z.number()),
    servicesTotal: change(z.number()),
    servicesMigrated: change(z.number()),
    trafficShare: change(z.number().nullable()),
  }),
  moved: z.object({
    stageChanges: z.array(z.object({ ...ref, from: stage, to: stage, kind: z.enum(["advance", "skip"]) })),
    completions: z.array(z.object({ ...ref, status: z.enum(["live", "done"]) })),
    rollbacks: z.array(z.object({ ...ref, from: stage, to: stage, reason: z.string(), signal: z.enum(ROLLBACK_SIGNALS).or(z.string()).nullable(), observed: z.string().nullable() })),
  }),
  attention: z.array(z.object({ sliceId: z.string(), slice: z.string(), team: z.string(), wave: z.number().nullable(), status, stage, reasons: z.array(reason), isNew: z.boolean() })),
  nextWeek: z.array(z.object({ sliceId: z.string(), slice: z.string(), team: z.string(), wave: z.number().nullable(), stage, nextStage: stage.nullable(), plannedStart: day.nullable(), plannedEnd: day.nullable() })),
  waves: z.array(z.object({ number: z.number(), label: z.string(), plannedStart: day.nullable(), plannedEnd: day.nullable(), slices: z.number(), finished: change(z.number()), done: z.number() })),
  facilities: z.array(z.object({ key: z.string(), name: z.string(), status: facilityStatus, previous: facilityStatus.nullable(), ownerTeam: z.string().nullable(), requiredByWaves: z.array(z.number()) })),
  scope: z.object({ servicesAdded: z.array(z.string()), servicesRemoved: z.array(z.string()), slicesAdded: z.array(z.string()), slicesRemoved: z.array(z.string()) }),
  forecast: z.object({ live: forecastSchema, done: forecastSchema }),
  burnUp: z.array(z.object({ week, end: instant, scope: z.number(), live: z.number(), done: z.number() })),
  notes: z.object({ notes: z.string(), asks: z.string(), author: z.string().nullable(), updatedAt: instant.nullable() }),
  closed: z.object({ closedAt: instant, closedBy: z.string().nullable(), corrections: z.array(correction) }).nullable(),
  corrections: z.array(z.object({ week, changes: z.array(correction) })),
  skippedEvents: z.number().default(0).describe("Events the catalogue could not read, left out of the figures"),
  slices: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        team: z.string(),
        wave: z.number().nullable(),
        stage,
        status,
        plannedStart: day.nullable(),
        plannedEnd: day.nullable(),
        services: z.array(z.string()),
        checklist: z.object({ open: z.number(), done: z.number(), na: z.number(), total: z.number() }),
        openGateItems: z.number(),
        rollbacks: z.number(),
        lastProgressAt: instant.nullable(),
      }),
    )
    .default([])
    .describe("Every slice as it stood at the end of the week"),
});
