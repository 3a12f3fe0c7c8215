/** Picks the reader for a format. Pure: the caller passes the names the programme already has. */
import { parseBackstageCatalog } from "./backstage";
import { parseServicesCsv } from "./csv";
import { parseFerryJson, type FerryDocument } from "./ferry-json";
import type { ParseResult } from "./model";
import type { ImportFormat } from "./schemas";

export type ImportParse = ParseResult & { document: FerryDocument | null };

/** Parses an import file; never throws on bad input (problems are row errors). */
export function parseImport(format: ImportFormat, text: string, known: Iterable<string>): ImportParse {
  if (format === "ferry") return parseFerryJson(text);
  const result = format === "csv" ? parseServicesCsv(text, known) : parseBackstageCatalog(text, known);
  return { ...result, document: null };
}
