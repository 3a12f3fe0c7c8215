/**
 * The report as Markdown that pastes cleanly into GitHub, Confluence or an email: plain
 * headings, lists and pipe tables, nothing renderer-specific. Every name and note is text:
 * Markdown's punctuation is backslash-escaped and angle brackets become entities, so a
 * slice called "<script>" or "**urgent**" prints as written and can break no table.
 */
import { signalLabel } from "@/lib/slices/stage-machine";
import { stageLabel } from "@/lib/slices/stages";
import { dayAt } from "../weeks";
import type { WeeklyReport } from "../types";
import { forecastSentence, reasonText } from "../words";
import { closedText, delta, emptyText, facilityText, headlineRows, statusText, weekTitle } from "./format";

/**
 * Escapes text for Markdown inline content and table cells, so it renders as written: the
 * characters that open emphasis, code, links, strikethrough or a cell are backslash-escaped,
 * angle brackets become entities, and so does an ampersand that would read as one. Only those: an email reader sees the raw text, which should
 * stay readable. Line breaks become spaces (a cell or list item is one line).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[\\`*_[\]~|]/g, "\\$&")
    // Only an ampersand that would start a character reference ("&lt;" as typed): any other
    // is text to every Markdown renderer, and "Orders & Fulfilment" stays readable as plain text.
    .replace(/&(?=#[0-9]+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * Multi-line plain text (notes) as Markdown paragraphs: each line kept (a hard break), blank
 * lines as paragraph breaks, and what would start a heading, list or rule at a line's start
 * escaped there too.
 */
export function escapeParagraphs(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) =>
      escapeMarkdown(line.trim())
        .replace(/^([#+=-])/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2"),
    )
    .join("  \n")
    .replace(/(  \n){2,}/g, "\n\n");
}

const e = escapeMarkdown;

function table(head: string[], rows: string[][], align: ("l" | "r")[] = []): string {
  const sep = head.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [head, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** The whole report as Markdown text, ending in a newline. */
export function reportToMarkdown(r: WeeklyReport): string {
  const tz = r.range.timeZone;
  const on = (at: string) => dayAt(Date.parse(at), tz);
  const out: string[] = [`# Weekly report: ${e(r.programme.name)}`, "", `**${e(weekTitle(r))}**${r.programme.targetDate ? `. Target date: ${r.programme.targetDate}.` : ""}`];
  const closed = closedText(r);
  if (closed) out.push("", `> ${e(closed)}`);
  const empty = emptyText(r);
  if (empty) {
    out.push("", e(empty));
  } else {
    out.push("", "## Headline", "", table(["", "This week", "Last week", "Change"], headlineRows(r.headline).map(([label, ...v]) => [e(label), ...v]), ["l", "r", "r", "r"]));
    out.push("", "## Forecast", "", `- ${e(forecastSentence(r.forecast.live, r.programme.targetDate))}`, `- ${e(forecastSentence(r.forecast.done, r.programme.targetDate))}`);

    const { stageChanges, completions, rollbacks } = r.moved;
    out.push("", "## What moved this week", "");
    if (!stageChanges.length && !completions.length && !rollbacks.length) out.push("Nothing moved this week.");
    if (completions.length) out.push("**Completions**", "", ...completions.map((c) => `- ${e(c.slice)} (${e(c.team)}): ${c.status} on ${on(c.at)}`), "");
    if (stageChanges.length) out.push("**Stage changes**", "", ...stageChanges.map((c) => `- ${e(c.slice)} (${e(c.team)}): ${e(stageLabel(c.from))} to ${e(stageLabel(c.to))}${c.kind === "skip" ? " (skip)" : ""} on ${on(c.at)}`), "");
    if (rollbacks.length) {
      out.push("**Rollbacks**", "", ...rollbacks.map((c) => `- ${e(c.slice)} (${e(c.team)}): ${e(stageLabel(c.from))} back to ${e(stageLabel(c.to))} on ${on(c.at)}: ${e(c.reason)}${c.signal ? `; signal: ${e(signalLabel(c.signal))}` : ""}${c.observed ? `; observed: ${e(c.observed)}` : ""}`), "");
    }
    while (out[out.length - 1] === "") out.pop();

    out.push("", "## Blocked and at risk", "");
    out.push(
      r.attention.length
        ? table(["Slice", "Team", "Wave", "Status", "Why", "New"], r.attention.map((a) => [e(a.slice), e(a.team), a.wave === null ? "—" : String(a.wave), e(`${statusText(a.status)}, ${stageLabel(a.stage)}`), e(a.reasons.map(reasonText).join("; ")), a.isNew ? "new" : ""]))
        : "Nothing is blocked or at risk.",
    );
    out.push("", "## Next week's planned moves", "");
    out.push(
      r.nextWeek.length
        ? table(["Slice", "Team", "Wave", "Now", "Next stage", "Planned start", "Planned end"], r.nextWeek.map((m) => [e(m.slice), e(m.team), m.wave === null ? "—" : String(m.wave), e(stageLabel(m.stage)), m.nextStage ? e(stageLabel(m.nextStage)) : "—", m.plannedStart ?? "—", m.plannedEnd ?? "—"]))
        : "No slice is planned to start or finish next week.",
    );
    out.push("", "## Waves", "");
    out.push(
      r.waves.length
        ? table(["Wave", "Planned", "Slices", "Live or done", "Change", "Done"], r.waves.map((w) => [e(w.label), `${w.plannedStart ?? "—"} to ${w.plannedEnd ?? "—"}`, String(w.slices), String(w.finished.value), delta(w.finished), String(w.done)]), ["l", "l", "r", "r", "r", "r"])
        : "No waves are planned yet.",
    );
    out.push("", "## Platform readiness", "");
    out.push(
      r.facilities.length
        ? table(["Facility", "Status", "Last week", "Owner", "Needed by waves"], r.facilities.map((f) => [e(f.name), facilityText(f.status), f.previous ? facilityText(f.previous) : "—", f.ownerTeam ? e(f.ownerTeam) : "—", f.requiredByWaves.join(", ") || "—"]))
        : "No platform facilities are recorded.",
    );
    const s = r.scope;
    const list = (names: string[]) => (names.length ? names.map(e).join(", ") : "none");
    out.push("", "## Scope change", "", `- Slices added: ${list(s.slicesAdded)}`, `- Slices removed: ${list(s.slicesRemoved)}`, `- Services added: ${list(s.servicesAdded)}`, `- Services removed: ${list(s.servicesRemoved)}`);
  }
  out.push("", "## Notes", "", r.notes.notes ? escapeParagraphs(r.notes.notes) : "No notes this week.");
  out.push("", "## Asks", "", r.notes.asks ? escapeParagraphs(r.notes.asks) : "No asks this week.");
  if (r.burnUp.length) out.push("", "## Burn-up", "", table(["Week", "Scope", "Live or done", "Done"], r.burnUp.map((p) => [p.week, String(p.scope), String(p.live), String(p.done)]), ["l", "r", "r", "r"]));
  const corrections = [...(r.closed?.corrections.length ? [{ week: r.range.week, changes: r.closed.corrections }] : []), ...r.corrections];
  if (corrections.length) {
    out.push("", "## Corrections to closed weeks", "");
    for (const c of corrections) out.push(`**${c.week}**`, "", table(["What", "As issued", "Now"], c.changes.map((x) => [e(x.field), e(x.issued), e(x.now)])), "");
    out.pop();
  }
  if (r.skippedEvents) out.push("", `_${r.skippedEvents} recorded event${r.skippedEvents === 1 ? " was" : "s were"} unreadable and left out of these figures._`);
  return `${out.join("\n")}\n`;
}
