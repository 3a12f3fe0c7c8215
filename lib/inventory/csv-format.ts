/**
 * A small RFC 4180 CSV reader and writer: quoted fields, doubled quotes, CRLF or LF, line
 * breaks inside quotes, and the line each record starts on so errors can point at it.
 * The writer also defuses cells a spreadsheet would run as formulas.
 */
import type { RowError } from "./model";

/** One record and the 1-based line it starts on (a quoted field may span several lines). */
export type CsvRecord = { line: number; fields: string[] };

/** Parse CSV text; never throws. Blank lines are skipped; a leading byte-order mark is ignored. */
export function readCsv(text: string): { records: CsvRecord[]; errors: RowError[] } {
  const records: CsvRecord[] = [];
  const errors: RowError[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let wasQuoted = false; // the current field was quoted and its closing quote has been read
  let strayReported = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === "" && !wasQuoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    strayReported = false;
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        wasQuoted = true;
      } else {
        // A CRLF inside quotes is one line break: count it at the LF.
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      endRecord();
      if (c === "\r" && text[i + 1] === "\n") i++;
      line++;
      recordLine = line;
    } else if (c === '"' && field === "" && !wasQuoted) {
      inQuotes = true;
      quoteLine = line;
    } else if (wasQuoted) {
      // `"a" ,b` is common enough to forgive; `"a"b` is ambiguous and is reported once per record.
      if (c !== " " && c !== "\t" && !strayReported) {
        errors.push({ line, message: "Unexpected text after a closing quote: a quoted field must end at the comma or line end" });
        strayReported = true;
      }
    } else {
      field += c; // a quote inside an unquoted field is kept as text, as spreadsheets do
    }
    i++;
  }
  if (inQuotes) errors.push({ line: quoteLine, message: `A quoted field opened on line ${quoteLine} is never closed` });
  if (fields.length > 0 || field !== "" || wasQuoted) endRecord();
  return { records, errors };
}

/** A value for one cell: numbers and booleans are written as they are. */
export type Cell = string | number | boolean | null | undefined;

// OWASP's list of characters that make a spreadsheet treat a cell as a formula.
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * Defuse a text cell a spreadsheet would run as a formula by prefixing an apostrophe. A value
 * that already looks defused ('=...) gets one more, so `restoreCell` can always undo it.
 */
export const neutraliseCell = (value: string): string => (FORMULA.test(value) ? `'${value}` : value);

/** Undo neutraliseCell when reading a file Ferry (or anyone following the same rule) wrote. */
export const restoreCell = (value: string): string => (value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value);

function formatCell(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  // Only text can be a formula: a number such as -3 is a number to a spreadsheet too.
  const s = typeof cell === "string" ? neutraliseCell(cell) : String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Write rows as RFC 4180 CSV (CRLF line ends, trailing CRLF), neutralising formula-like text cells. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(formatCell).join(",") + "\r\n").join("");
}
