import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TeamWaits } from "@/lib/planning";
import type { AgainstOrder } from "@/lib/waves/board";
import { WaitsView } from "./waits-view";

const against = (n: number): AgainstOrder[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `slice-${i}`, team: "Orders", wave: 2, pinnedWave: 2, pinReason: null, breaks: [`svc-${i} depends on db in core (wave 3)`] }));

const render = (props: Partial<Parameters<typeof WaitsView>[0]>) => renderToStaticMarkup(createElement(WaitsView, { waits: [], base: "/p/demo", ...props }));

// The board listed every slice placed against the order: a programme whose plan was changed
// by hand had 569 of them, which made the board page 1.7 MB and its render the dearest of all.
describe("who waits on whom: slices placed against the order", () => {
  it("on the board, lists the first few and links to all of them on the waits page", () => {
    const html = render({ againstOrder: against(30), limit: 5, moreHref: "/p/demo/waves/waits" });
    expect(html).toContain("Placed against the order (30)");
    expect(html.match(/<li>/g)).toHaveLength(5);
    expect(html).toContain("slice-4");
    expect(html).not.toContain("slice-5<");
    expect(html).toContain('href="/p/demo/waves/waits#waits-against-order-title"');
    expect(html).toContain("All 30 placed against the order");
  });

  it("on the waits page, lists them all", () => {
    const html = render({ againstOrder: against(30), headingLevel: 2 });
    expect(html.match(/<li>/g)).toHaveLength(30);
    expect(html).not.toContain("All 30 placed against the order");
  });

  it("needs no link when they all fit", () => {
    const html = render({ againstOrder: against(3), limit: 5, moreHref: "/p/demo/waves/waits" });
    expect(html.match(/<li>/g)).toHaveLength(3);
    expect(html).not.toContain("placed against the order</a>");
  });
});

const waitingOn = (team: string, n: number): TeamWaits => ({
  team,
  waiting: Array.from({ length: n }, (_, i) => ({ id: `${team}-${i}`, name: `${team}-waiter-${i}`, team: "Edge", wave: 3, status: "planned" as const, waitsOn: [{ id: `${team}-core`, name: `${team}-core`, team, wave: 2, status: "planned" as const }] })),
});

// Eighty teams waited on made the board list eighty groups (167 KB of the page, twice over).
describe("who waits on whom: the teams waited on", () => {
  const waits = [waitingOn("Alpha", 1), waitingOn("Billing", 9), waitingOn("Catalogue", 3), waitingOn("Delivery", 7)];

  it("on the board, shows the teams most waited on first and links to all of them", () => {
    const html = render({ waits, limit: 5, teamLimit: 2, moreHref: "/p/demo/waves/waits" });
    const titles = [...html.matchAll(/Waiting on (\w+) \((\d+)\)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(titles).toEqual(["Billing 9", "Delivery 7"]);
    expect(html).toContain("2 more teams are waited on.");
    expect(html).toContain('<a href="/p/demo/waves/waits" class="font-medium text-brand-700 underline">All 4 teams on the page of who waits on whom</a>');
    // Within a team, the first five and a link to the rest of that team.
    expect(html.match(/Billing-waiter-/g)).toHaveLength(5);
    expect(html).toContain("All 9 waiting on Billing");
  });

  it("on the waits page, shows every team in name order, every slice", () => {
    const html = render({ waits, headingLevel: 2 });
    expect([...html.matchAll(/Waiting on (\w+) \(/g)].map((m) => m[1])).toEqual(["Alpha", "Billing", "Catalogue", "Delivery"]);
    expect(html.match(/Billing-waiter-/g)).toHaveLength(9);
    expect(html).not.toContain("more teams are waited on");
  });
});
