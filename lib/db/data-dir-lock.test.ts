import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./embedded";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ferry-lock-"));
const stateOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
};

describe("the embedded data directory's lock", () => {
  it("refuses a directory a live process holds", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "ferry.lock"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it("takes over the lock of a process that died", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "ferry.lock"), "2147483646");
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "ferry.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  // CI found it: a Ferry SIGKILLed with its parent stays a zombie where PID 1 reaps nothing,
  // answers signal 0, and kept the restarted Ferry out of its own data directory.
  it.runIf(process.platform === "linux")("takes over the lock of a killed process left a zombie", async () => {
    // `exec sleep` never reaps the child it inherits, so that child becomes a zombie.
    const holder = spawn("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    const zombie = Number(await new Promise<string>((resolve) => holder.stdout!.once("data", (d) => resolve(String(d).trim()))));
    try {
      for (let i = 0; i < 50 && stateOf(zombie) !== "Z"; i++) await new Promise((r) => setTimeout(r, 50));
      expect(stateOf(zombie)).toBe("Z");
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, "ferry.lock"), String(zombie));
      lockDataDir(dir)();
    } finally {
      holder.kill("SIGKILL");
    }
  });
});
