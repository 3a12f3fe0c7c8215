import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { pageParamOrNotFound, waveNumberOrNotFound } from "./page-params";

const isNotFound = (run: () => unknown) => {
  try {
    run();
    return false;
  } catch (error) {
    return String((error as { digest?: string }).digest).endsWith(";404");
  }
};

describe("page path parameters", () => {
  it.each([
    ["cm1abc", false],
    ["orders-api", false],
    ["a\u0000b", true],
    ["a\u001fb", true],
    ["x".repeat(201), true],
  ])("%j -> not found %s", (value, notFound) => expect(isNotFound(() => pageParamOrNotFound(value))).toBe(notFound));

  it.each([
    ["1", false],
    ["10000", false],
    ["0", true],
    ["10001", true],
    ["2147483648", true],
    ["1e3", true],
    ["1\u0000", true],
  ])("wave %j -> not found %s", (value, notFound) => expect(isNotFound(() => waveNumberOrNotFound(value))).toBe(notFound));
});

// The bug: a slice, service or wave that does not exist answered 200. A loading.tsx wraps its
// segment and every segment below in a Suspense boundary, which sends the 200 before the page
// runs, so a page's notFound() could only swap in the not-found UI. A page that can be not
// found must have no loading.tsx in its folder or any folder above it.
describe("pages that can be not found answer 404", () => {
  const root = join(process.cwd(), "app");
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const all = files(root);
  const pages = all.filter((f) => /\/page\.tsx$/.test(f) && /notFound\(\)|OrNotFound\(/.test(readFileSync(f, "utf8")));
  const loadings = new Set(all.filter((f) => /\/loading\.tsx$/.test(f)).map((f) => dirname(f)));

  it("finds the pages that call notFound", () => expect(pages.length).toBeGreaterThanOrEqual(4));

  it.each(pages.map((p) => [relative(root, p), p]))("%s has no loading boundary above it", (_, page) => {
    const above: string[] = [];
    for (let dir = dirname(page); dir.startsWith(root); dir = dirname(dir)) if (loadings.has(dir)) above.push(relative(root, join(dir, "loading.tsx")));
    expect(above).toEqual([]);
  });
});
