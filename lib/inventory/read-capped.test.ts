import { describe, expect, it } from "vitest";
import { readBodyCapped } from "./read-capped";

const streamOf = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of chunks) c.enqueue(new TextEncoder().encode(x));
      c.close();
    },
  });
const request = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit & { duplex: "half" });

describe("readBodyCapped", () => {
  it("reads a body within the limit, multi-byte characters across chunks included", async () => {
    const bytes = new TextEncoder().encode("naïve ✓");
    const split = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.subarray(0, 3));
        c.enqueue(bytes.subarray(3));
        c.close();
      },
    });
    expect(await readBodyCapped(request(split), 100)).toBe("naïve ✓");
  });

  it("refuses by declared length before reading", async () => {
    await expect(readBodyCapped(request("small", { "content-length": "101" }), 100)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses by bytes received when nothing is declared", async () => {
    await expect(readBodyCapped(request(streamOf(["a".repeat(60), "b".repeat(60)])), 100)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await readBodyCapped(request(streamOf(["a".repeat(50), "b".repeat(50)])), 100)).toHaveLength(100);
  });

  it("reads an absent body as empty text", async () => {
    expect(await readBodyCapped(request(null))).toBe("");
  });

  it("refuses an upload that breaks off mid-body instead of reading what came as the whole file", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("name\nhead\n"));
        c.error(new Error("aborted"));
      },
    });
    await expect(readBodyCapped(request(broken), 100)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("refuses a body shorter than its declared length", async () => {
    await expect(readBodyCapped(request(streamOf(["a".repeat(10)]), { "content-length": "20" }), 100)).rejects.toMatchObject({ code: "INVALID" });
    expect(await readBodyCapped(request(streamOf(["a".repeat(10)]), { "content-length": "10" }), 100)).toBe("a".repeat(10));
  });

  it("says the limit in the message", async () => {
    await expect(readBodyCapped(request("x", { "content-length": String(11 * 1024 * 1024) }))).rejects.toThrow("import limit of 10 MiB");
  });
});
