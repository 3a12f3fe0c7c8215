/**
 * Reads an import file's body, whole or refused with 413 past the import limit, before
 * anything is parsed (lib/http/read-body.ts says how: declared length, bytes received,
 * interrupted uploads).
 */
import { formatBytes, readBodyCapped as readCapped } from "@/lib/http/read-body";
import { MAX_IMPORT_BYTES } from "./limits";

/** The body as UTF-8 text, or PAYLOAD_TOO_LARGE. */
export function readBodyCapped(request: Request, max = MAX_IMPORT_BYTES): Promise<string> {
  return readCapped(request, max, `The file is larger than the import limit of ${formatBytes(max)}.`);
}
