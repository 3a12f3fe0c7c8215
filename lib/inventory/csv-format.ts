/**
 * CSV reading and writing on csv-parse and csv-stringify (RFC 4180: quoted fields, doubled
 * quotes, CRLF, LF or CR, line breaks inside quotes), with what Ferry adds: the line each
 * record starts on, so errors can point at it; reading past a broken row to report the rest;
 * and, on export, defusing cells a spreadsheet would run as formulas.
 */
import { parse, type CsvError, type Options } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { RowError } from "./model";

/** One record and the 1-based line it starts on (a quoted field may span several lines). */
export type CsvRecord = { line: number; fields: string[] };

const READ: Options = {
  bom: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  skip_empty_lines: true,
  // The header decides what a row's cells mean; parseServicesCsv reports rows too wide.
  relax_column_count: true,
  // A quote inside an unquoted field is text, as spreadsheets read it (`say "hi"`).
  relax_quotes: true,
  // Spaces after a closing quote (`"a" ,b`) are forgiven. This also trims the end of unquoted
  // cells, which every import field trims anyway; the writer quotes a cell ending in a space.
  rtrim: true,
};

// Each broken row is re-read from the line after it; a file of nothing else stops here.
const MAX_SYNTAX_ERRORS = 100;

const isBreak = (b: number) => b === 10 || b === 13;

/**
 * The 1-based line of byte offsets, asked in increasing order: csv-parse counts a CRLF inside
 * quotes as two lines, so lines are counted here from the byte offsets it reports instead.
 */
function lineCounter(bytes: Buffer) {
  let pos = 0;
  let line = 1;
  const advance = (to: number) => {
    for (; pos < to; pos++) if (bytes[pos] === 10 || (bytes[pos] === 13 && bytes[pos + 1] !== 10)) line++;
  };
  return {
    /** Where the next record after `offset` starts (past blank lines), and its line. */
    recordAt(offset: number): { at: number; line: number } {
      let at = offset;
      while (at < bytes.length && isBreak(bytes[at])) at++;
      advance(at);
      return { at, line };
    },
    /** The offset where the line after `offset`'s line starts. */
    nextLine(offset: number): number {
      let at = offset;
      while (at < bytes.length && !isBreak(bytes[at])) at++;
      return at < bytes.length && bytes[at] === 13 && bytes[at + 1] === 10 ? at + 2 : at + 1;
    },
    lineOf(offset: number): number {
      advance(offset);
      return line;
    },
  };
}

const csvCode = (e: unknown): string | undefined => (e instanceof Error ? (e as CsvError).code : undefined);

/** Parse CSV text; never throws. Blank lines are skipped; a leading byte-order mark is ignored. */
export function readCsv(text: string): { records: CsvRecord[]; errors: RowError[] } {
  let rows: string[][];
  try {
    rows = parse(text, READ);
  } catch {
    return readCsvByRecord(text);
  }
  return { records: withLines(text, rows), errors: [] };
}

/**
 * The line each record starts on, found by walking the text beside the records: a record
 * takes one line plus the line breaks inside its (quoted) fields, and blank lines between
 * records were skipped. Cheaper than csv-parse's per-record info, which tripled the time of a
 * 100,000-row file.
 */
function withLines(text: string, rows: string[][]): CsvRecord[] {
  const records: CsvRecord[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Moves past the line break at `pos` (CRLF counts once); false when there is none.
  const skipBreak = (): boolean => {
    const c = text.charCodeAt(pos);
    if (c !== 10 && c !== 13) return false;
    pos += c === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
    line++;
    return true;
  };
  for (const fields of rows) {
    while (skipBreak()); // blank lines
    records.push({ line, fields });
    let lines = 1;
    for (const f of fields) if (f.includes("\n") || f.includes("\r")) lines += f.match(/\r\n|\r|\n/g)!.length;
    for (; lines > 0 && pos < text.length; lines--) {
      while (pos < text.length && !skipBreak()) pos++;
    }
  }
  return records;
}

/**
 * A file csv-parse refuses: read record by record, reporting each broken row and going on
 * after it. Exported for the test that checks both paths give the same lines.
 */
export function readCsvByRecord(text: string): { records: CsvRecord[]; errors: RowError[] } {
  const bytes = Buffer.from(text);
  const lines = lineCounter(bytes);
  const records: CsvRecord[] = [];
  const errors: RowError[] = [];
  let from = 0;
  while (from < bytes.length) {
    // Where the last record read ended, in bytes; a byte-order mark is not a record's start.
    let end = from === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : from;
    try {
      parse(bytes.subarray(from), {
        ...READ,
        bom: from === 0,
        on_record: (fields: string[], info) => {
          records.push({ line: lines.recordAt(end).line, fields });
          end = from + info.bytes;
          return null; // kept here, with its line, rather than in csv-parse's result
        },
      });
      break;
    } catch (e) {
      const failed = lines.recordAt(end);
      if (csvCode(e) === "CSV_QUOTE_NOT_CLOSED") {
        unclosedQuote(bytes.subarray(failed.at), failed.line, records, errors);
        break;
      }
      const message =
        csvCode(e) === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" || csvCode(e) === "CSV_INVALID_CLOSING_QUOTE"
          ? "Unexpected text after a closing quote: a quoted field must end at the comma or line end"
          : `The CSV could not be read: ${e instanceof Error ? e.message.replace(/ at line \d+/, "") : String(e)}`;
      errors.push({ line: failed.line, message });
      if (errors.length >= MAX_SYNTAX_ERRORS) {
        errors.push({ line: failed.line, message: `Reading stopped after ${MAX_SYNTAX_ERRORS} rows that could not be read` });
        break;
      }
      from = lines.nextLine(failed.at);
    }
  }
  return { records, errors };
}

/**
 * A quote opened and never closed holds the rest of the file. The row is still read as if the
 * file closed it, so its other problems are reported too, and the error names the quote's line.
 */
function unclosedQuote(tail: Buffer, line: number, records: CsvRecord[], errors: RowError[]) {
  let last: string | undefined;
  try {
    parse(Buffer.concat([tail, Buffer.from('"')]), {
      ...READ,
      bom: false,
      on_record: (fields: string[]) => {
        records.push({ line, fields });
        last = fields.at(-1);
        return null;
      },
    });
  } catch {
    // Broken in another way too: the quote's error below still says where to look.
  }
  // The last field ran from the open quote to the end: its text, with each quote doubled.
  const rest = tail.toString();
  const open = last === undefined ? -1 : rest.length - last.length - (last.split('"').length - 1) - 1;
  const opened = open >= 0 && rest[open] === '"' ? line + (rest.slice(0, open).match(/\r\n|\r|\n/g)?.length ?? 0) : line;
  errors.push({ line: opened, message: `A quoted field opened on line ${opened} is never closed` });
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

/** Write rows as RFC 4180 CSV (CRLF line ends, trailing CRLF), neutralising formula-like text cells. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows as Cell[][], {
    record_delimiter: "\r\n",
    // csv-stringify's own escape_formulas only looks at the first character: Ferry's rule
    // also defuses an already-defused cell, so restoreCell can always undo it.
    cast: {
      // Only text can be a formula: a number such as -3 is a number to a spreadsheet too.
      string: (value) => neutraliseCell(value),
      boolean: (value) => String(value),
      number: (value) => String(value),
    },
    // csv-stringify quotes a cell holding its own record delimiter (CRLF), not a lone CR or LF,
    // which any reader takes as a line end; and the reader trims the end of unquoted cells
    // (see READ), so a cell ending in a space is quoted too.
    quoted_match: [/[\r\n]/, /\s$/],
  });
}
