/**
 * A static scan of the source for event actions, for the test that fails when code writes or
 * reads an action the catalogue lacks. The types already refuse an unknown action passed to
 * recordEvent or eventRow; this catches what types cannot see: SQL text, comparisons with a
 * row's `action`, a writer that bypasses the helpers, and catalogue entries nothing writes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export type Finding = { file: string; line: number; message: string };
export type Scan = { findings: Finding[]; written: Set<string>; mentioned: Set<string> };

// Where an event may be written by other means than recordEvent: the helpers themselves.
const WRITER = "lib/events/record.ts";

const ACTION_SHAPE = /^[a-z_]+\.[a-z_]+$/;
const SQL_ACTION = /\baction\s*(?:=|<>|!=)\s*'([^']*)'/g;

/** Every .ts/.tsx file under `dirs` (relative to `root`), tests, generated code and dependencies left out. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", "generated"].includes(entry.name) && !entry.name.startsWith(".")) walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/(^|\/)test-[^/]*$/.test(path)) out.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return out;
}

const text = (node: ts.Node): string | undefined => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined);
const propertyNamed = (node: ts.ObjectLiteralExpression, name: string) =>
  node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
const isActionAccess = (node: ts.Node) => (ts.isPropertyAccessExpression(node) && node.name.text === "action") || (ts.isIdentifier(node) && node.text === "action");

/**
 * Scans `sources` (path -> text). `isAction` says whether a string is a catalogue action;
 * `isOther` names strings shaped like one that are something else (permission names).
 */
export function scanSources(sources: ReadonlyMap<string, string>, isAction: (s: string) => boolean, isOther: (s: string) => boolean): Scan {
  const scan: Scan = { findings: [], written: new Set(), mentioned: new Set() };
  for (const [file, source] of sources) {
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const report = (node: ts.Node, message: string) => scan.findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, message });
    // An action a writer names: each branch of a conditional, never a computed name.
    const written = (node: ts.Expression) => {
      const value = text(node);
      if (value !== undefined) {
        if (isAction(value)) scan.written.add(value);
        else report(node, `writes an event action the catalogue lacks: ${JSON.stringify(value)}`);
      } else if (ts.isConditionalExpression(node)) {
        written(node.whenTrue);
        written(node.whenFalse);
      } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
        written(node.expression);
      } else if (ts.isTemplateExpression(node)) {
        report(node, "builds an event action from parts: name each action, so the catalogue can check it");
      }
    };
    const read = (node: ts.Node) => {
      const value = text(node);
      if (value === undefined || !ACTION_SHAPE.test(value) || isOther(value)) return;
      if (isAction(value)) scan.mentioned.add(value);
      else report(node, `reads an event action the catalogue lacks: ${JSON.stringify(value)}`);
    };
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const action = propertyNamed(node, "action");
        if (action && propertyNamed(node, "entityType")) written(action.initializer);
        else if (action) read(action.initializer);
      }
      if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind)) {
        if (isActionAccess(node.left)) read(node.right);
        if (isActionAccess(node.right)) read(node.left);
      }
      if (ts.isSwitchStatement(node) && isActionAccess(node.expression)) {
        for (const clause of node.caseBlock.clauses) if (ts.isCaseClause(clause)) read(clause.expression);
      }
      const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) ? node.text : undefined;
      if (literal !== undefined) {
        for (const m of literal.matchAll(SQL_ACTION)) {
          if (isAction(m[1])) scan.mentioned.add(m[1]);
          else report(node, `SQL reads an event action the catalogue lacks: ${JSON.stringify(m[1])}`);
        }
        if (file !== WRITER && /insert\s+into\s+"?event"?[\s(]/i.test(literal)) report(node, "inserts events with SQL: use insertEvents with rows from eventRow");
        if (file !== WRITER && literal === "Event" && ts.isCallExpression(node.parent)) report(node, "writes the Event table directly: use recordEvent, or insertEvents with rows from eventRow");
        if (isAction(literal)) scan.mentioned.add(literal);
      }
      // Prisma's own writers are allowed only with a row eventRow built.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ["create", "createMany", "createManyAndReturn", "upsert"].includes(node.expression.name.text)) {
        const target = node.expression.expression;
        if (ts.isPropertyAccessExpression(target) && target.name.text === "event" && file !== WRITER) {
          const arg = node.arguments[0];
          const data = arg && ts.isObjectLiteralExpression(arg) ? propertyNamed(arg, "data")?.initializer : undefined;
          const viaHelper = data && ts.isCallExpression(data) && ts.isIdentifier(data.expression) && data.expression.text === "eventRow";
          if (!viaHelper) report(node, "writes events with Prisma directly: use recordEvent, or a row from eventRow");
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return scan;
}

/** Reads the files for scanSources. */
export function readSources(root: string, files: readonly string[]): Map<string, string> {
  return new Map(files.map((f) => [relative(root, join(root, f)), readFileSync(join(root, f), "utf8")]));
}
