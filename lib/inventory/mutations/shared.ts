/** What the import mutations share: the size check both make before reading a file. */
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "../limits";

/** PAYLOAD_TOO_LARGE past the import limit, counted in UTF-8 bytes as the route counts them. */
export function checkSize(text: string): void {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than the import limit of ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`);
  }
}
