/**
 * Reads a request body as text, refusing it with 413 as soon as it passes the import limit:
 * first by its declared Content-Length, then by the bytes actually received (a chunked body
 * declares nothing), so an oversized file is never buffered whole or parsed.
 */
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "./limits";

const tooLarge = (max: number) => new AppError("PAYLOAD_TOO_LARGE", `The file is larger than the import limit of ${Math.round(max / 1024 / 1024)} MiB.`);

/** The body as UTF-8 text, or PAYLOAD_TOO_LARGE. */
export async function readBodyCapped(request: Request, max = MAX_IMPORT_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
