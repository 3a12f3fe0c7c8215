/**
 * Exports of the current view: an SVG for slides (nodes, edges, column headings and the
 * legend, with the same badges and dash patterns as the screen, so it reads in greyscale)
 * and the visible dependencies as CSV. Pure strings: the worker builds them, the page only
 * downloads them (and draws the SVG onto a canvas for the PNG).
 */
import { stringify } from "csv-stringify/browser/esm/sync";
import type { GraphEdge } from "./types";
import { edgePath } from "./geometry";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";
import { BLOCKED_COLOUR, CRITICAL_COLOUR, CYCLE_COLOUR, EDGE_STYLES, edgeLook } from "./palette";
import type { View } from "./view";

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

const MARGIN = 40;
const HEADING = 36;
const LEGEND_WIDTH = 260;

/** Text cut to fit a node, with an ellipsis. */
const fit = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);

function legendSvg(view: View, x: number, y: number): string {
  const rows: string[] = [`<text x="${x}" y="${y}" font-weight="600">Colour: ${escapeXml(view.legend.length ? "legend" : "none")}</text>`];
  let cy = y + 20;
  for (const c of view.legend) {
    rows.push(`<rect x="${x}" y="${cy - 11}" width="14" height="14" fill="${c.colour}" stroke="#334155"/><text x="${x + 20}" y="${cy}">${escapeXml(c.badge)} · ${escapeXml(c.label)}</text>`);
    cy += 20;
  }
  cy += 10;
  for (const [kind, style] of Object.entries(EDGE_STYLES)) {
    if (kind === "mixed") continue;
    rows.push(`<line x1="${x}" y1="${cy - 4}" x2="${x + 30}" y2="${cy - 4}" stroke="${style.colour}" stroke-width="2" stroke-dasharray="${style.dash}"/><text x="${x + 38}" y="${cy}">${style.label}</text>`);
    cy += 20;
  }
  rows.push(`<line x1="${x}" y1="${cy - 4}" x2="${x + 30}" y2="${cy - 4}" stroke="${BLOCKED_COLOUR}" stroke-width="3"/><text x="${x + 38}" y="${cy}">Blocked (waits for a slice not live)</text>`);
  cy += 20;
  rows.push(`<rect x="${x}" y="${cy - 12}" width="30" height="14" fill="none" stroke="${CYCLE_COLOUR}" stroke-width="2" stroke-dasharray="4 2"/><text x="${x + 38}" y="${cy}">↻ In a cycle (moves together)</text>`);
  cy += 20;
  rows.push(`<rect x="${x}" y="${cy - 12}" width="30" height="14" fill="none" stroke="${CRITICAL_COLOUR}" stroke-width="3"/><text x="${x + 38}" y="${cy}">★ On the critical path</text>`);
  return rows.join("");
}

/** The view as a standalone SVG document. */
export function viewToSvg(view: View, title: string): string {
  const width = view.width + 2 * MARGIN + LEGEND_WIDTH;
  const height = Math.max(view.height, 360) + 2 * MARGIN + HEADING;
  const ox = MARGIN;
  const oy = MARGIN + HEADING;
  const at = new Map(view.items.map((i) => [i.id, { x: i.x + ox, y: i.y + oy }]));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#475569"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN}" font-size="16" font-weight="600">${escapeXml(title)}</text>`,
  ];
  for (const c of view.columns) parts.push(`<text x="${c.x + ox}" y="${c.y + oy - 10}" fill="#334155" font-weight="600">${escapeXml(c.label)}</text>`);
  parts.push(`<g fill="none">`);
  for (const e of view.edges) {
    const a = at.get(e.source)!;
    const b = at.get(e.target)!;
    const look = edgeLook(e, view.highlight);
    const path = edgePath(a, b);
    parts.push(`<path data-edge="${escapeXml(e.id)}" d="${path.d}" stroke="${look.colour}" stroke-width="${look.width}" stroke-dasharray="${look.dash}" marker-end="url(#arrow)"><title>${escapeXml(`${e.source} depends on ${e.target}${e.count > 1 ? ` (${e.count} dependencies)` : ""}${e.blocked ? `, ${e.blocked} blocked` : ""}`)}</title></path>`);
    if (look.label) parts.push(`<text x="${(a.x + b.x + NODE_WIDTH) / 2}" y="${(a.y + b.y + NODE_HEIGHT) / 2}" fill="#334155" stroke="none" text-anchor="middle" font-size="10">${escapeXml(look.label)}</text>`);
  }
  parts.push(`</g>`);
  for (const i of view.items) {
    const { x, y } = at.get(i.id)!;
    const ring = i.isCycle && view.highlight.includes("cycles") ? ` stroke="${CYCLE_COLOUR}" stroke-width="2" stroke-dasharray="4 2"` : i.isCritical && view.highlight.includes("critical") ? ` stroke="${CRITICAL_COLOUR}" stroke-width="3"` : ` stroke="#94a3b8"`;
    const marks = `${i.isCycle ? "↻" : ""}${i.isCritical ? "★" : ""}`;
    const rx = i.type === "group" ? 12 : 4;
    parts.push(
      `<g data-node="${escapeXml(i.id)}"><rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="${rx}" fill="#ffffff"${ring}/>` +
        `<rect x="${x}" y="${y}" width="8" height="${NODE_HEIGHT}" rx="2" fill="${i.colour}"/>` +
        `<text x="${x + 14}" y="${y + 20}" fill="#0f172a">${escapeXml(fit(i.label, 22))}</text>` +
        `<text x="${x + NODE_WIDTH - 6}" y="${y + 20}" text-anchor="end" fill="#334155" font-size="10">${escapeXml(`${marks}${i.badge}`)}</text></g>`,
    );
  }
  parts.push(legendSvg(view, view.width + 2 * MARGIN, oy), `</svg>`);
  return parts.join("\n");
}

/** The dependencies the view shows (bundled or not; not the ones inside collapsed groups' counts) as CSV. */
export function visibleEdgesCsv(view: View, edges: readonly GraphEdge[]): string {
  const rows: (string | number)[][] = [["from", "to", "kind", "blocked", "drawn_from", "drawn_to"]];
  view.edges.forEach((e, k) => {
    for (const i of view.bundled[k]) {
      const edge = edges[i];
      rows.push([edge.from, edge.to, edge.kind, edge.blocked ? "yes" : "no", e.source, e.target]);
    }
  });
  return stringify(rows);
}
