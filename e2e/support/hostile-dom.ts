/**
 * What imported markup would leave in the DOM had a page rendered it as HTML rather than
 * text: the elements and attributes of e2e/support/hostile-bodies.ts MARKUP. Empty is good.
 */
import type { Page } from "@playwright/test";

export async function injectedMarkup(page: Page): Promise<string[]> {
  await page.waitForLoadState("load");
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll("img[src='x'], svg[onload], [onerror], [onload]"))) found.push(el.outerHTML.slice(0, 120));
    // A script whose own code is the payload. Next's flight data (self.__next_f.push) carries
    // the names as escaped JSON strings, which is data, not injected code.
    for (const s of Array.from(document.scripts)) if (/^\s*alert\('xss-/.test(s.textContent ?? "")) found.push(`script: ${s.textContent!.slice(0, 80)}`);
    for (const a of Array.from(document.querySelectorAll("a[href]"))) if (/^\s*javascript:/i.test(a.getAttribute("href") ?? "")) found.push(`link: ${a.outerHTML.slice(0, 120)}`);
    return found;
  });
}
