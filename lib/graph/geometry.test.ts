import { describe, expect, it } from "vitest";
import { edgePath, nearestInDirection } from "./geometry";
import { NODE_WIDTH } from "./layout";

const items = [
  { id: "a", x: 0, y: 0 },
  { id: "b", x: 300, y: 0 },
  { id: "c", x: 300, y: 44 },
  { id: "d", x: 0, y: 44 },
  { id: "e", x: 600, y: 400 },
];

describe("nearestInDirection", () => {
  it("steps to the nearest item that way, straight ahead first", () => {
    expect(nearestInDirection(items, items[0], "right")?.id).toBe("b");
    expect(nearestInDirection(items, items[0], "down")?.id).toBe("d");
    expect(nearestInDirection(items, items[2], "left")?.id).toBe("d");
    expect(nearestInDirection(items, items[2], "up")?.id).toBe("b");
  });

  it("answers null at the edge of the drawing", () => {
    expect(nearestInDirection(items, items[0], "left")).toBeNull();
    expect(nearestInDirection(items, items[0], "up")).toBeNull();
  });
});

describe("edgePath", () => {
  it("runs from the facing sides, and loops out on the right within a column", () => {
    expect(edgePath({ x: 300, y: 0 }, { x: 0, y: 0 }).end).toEqual([NODE_WIDTH, 16]);
    expect(edgePath({ x: 0, y: 0 }, { x: 300, y: 0 }).end).toEqual([300, 16]);
    expect(edgePath({ x: 0, y: 0 }, { x: 0, y: 88 }).d).toMatch(/^M180,16 C/);
  });
});
