/**
 * Reads a request body as text, whole or not at all: refused with 413 as soon as it passes
 * `max` (by its declared Content-Length first, then by the bytes actually received, since a
 * chunked body declares nothing), and refused when it ends short of what it declared or the
 * connection drops mid-body. A body is never cut and then used: a truncated import with
 * "remove missing" deletes the services of the lost tail.
 */
import { AppError } from "@/lib/errors";

/** Bytes as people read them: "1 MiB", "10 MiB", "512 KiB". */
export const formatBytes = (n: number): string => (n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MiB` : `${+(n / 1024).toFixed(1)} KiB`);

const incomplete = () => new AppError("INVALID", "The request body ended before its declared length (the upload was interrupted); nothing was read.");

/** The body as UTF-8 text, or PAYLOAD_TOO_LARGE with `tooLarge` as the message. */
export async function readBodyCapped(request: Request, max: number, tooLarge = `The request body is larger than the limit of ${formatBytes(max)}.`): Promise<string> {
  const header = request.headers.get("content-length");
  const declared = header === null ? null : Number(header);
  if (declared !== null && Number.isFinite(declared) && declared > max) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      // The client went away mid-body (or sent less than it declared and closed).
      throw incomplete();
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
    }
    chunks.push(step.value);
  }
  // Node's HTTP parser frames the body by its Content-Length; this holds behind any server that does not.
  if (declared !== null && Number.isFinite(declared) && size !== declared) throw incomplete();
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
