/**
 * Splits a multi-document YAML stream into its documents without parsing them, so each is
 * read (and, when broken, refused) on its own: one bad entity in a catalog of thousands is
 * one error at its line, and the rest are still read. The YAML spec forbids `---` and `...`
 * at the start of a line inside any node, and a `%` line can only be a directive, so these
 * three line starts are where documents begin and end, whatever the documents hold.
 */

/** One document's text: characters [start, end) of the stream, lines counted from `firstLine`. */
export type DocumentSource = {
  start: number;
  end: number;
  /** 1-based line of the document's first character (a directive, its `---` or its content). */
  firstLine: number;
  /** 1-based line its content starts on: the first line that is not blank, a comment, a directive or a bare marker. */
  contentLine: number;
};

// `---` or `...` followed by a separator or the end of the line.
const MARKER = /^(?:---|\.\.\.)(?:[ \t\r]|$)/;
// A line without content (also what may follow `---` on its line without being content).
const NOTHING = /^[ \t]*(?:#|\r?$)/;

/** The documents of `text` that hold content, in order; empty ones (comments, bare markers) are left out. */
export function splitDocuments(text: string): DocumentSource[] {
  const out: DocumentSource[] = [];
  let start = 0;
  let firstLine = 1;
  let contentLine = 0; // 0 while the current document has no content yet
  let hasMarker = false;
  const close = (end: number) => {
    if (contentLine > 0) out.push({ start, end, firstLine, contentLine });
  };
  const open = (at: number, line: number) => {
    start = at;
    firstLine = line;
    contentLine = 0;
    hasMarker = false;
  };

  let line = 1;
  for (let at = 0; at < text.length; line++) {
    const newline = text.indexOf("\n", at);
    const next = newline === -1 ? text.length : newline + 1;
    const c = text.charCodeAt(at);
    // Only a line starting with "-", "." or "%" can begin or end a document; skip the rest
    // cheaply once the document has content.
    if (c === 45 || c === 46 || c === 37) {
      const row = text.slice(at, newline === -1 ? text.length : newline);
      if (c === 37) {
        // A directive belongs to the document it precedes.
        if (contentLine > 0 || hasMarker) {
          close(at);
          open(at, line);
        }
      } else if (MARKER.test(row)) {
        if (c === 46) {
          // `...` ends the document; the next one starts on the following line.
          close(next);
          open(next, line + 1);
        } else {
          if (contentLine > 0 || hasMarker) {
            close(at);
            open(at, line);
          }
          hasMarker = true;
          if (!NOTHING.test(row.slice(3))) contentLine = line; // `--- value`
        }
      } else if (contentLine === 0) {
        contentLine = line; // "- item" or "-x" starting the content
      }
    } else if (contentLine === 0 && !NOTHING.test(text.slice(at, newline === -1 ? text.length : newline))) {
      contentLine = line;
    }
    at = next;
  }
  close(text.length);
  return out;
}
