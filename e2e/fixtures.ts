import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E_ADMIN_TOKEN } from "../playwright.config";

/** Serious and critical accessibility violations on the current page, by rule id. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export const adminHeaders = { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

export const test = base;
export { expect };
