import { describe, expect, it } from "vitest";
import { COLUMN_HEADING_OFFSET, edgePath, nearestInDirection, openingCamera, READABLE_ZOOM, viewBounds } from "./geometry";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";

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

describe("openingCamera", () => {
  const frame = { width: 775, height: 630 };
  it("keeps the fitted camera when the drawing reads at it", () => {
    const fitted = { x: 10, y: 20, zoom: 0.8 };
    expect(openingCamera(fitted, { x: 0, y: -28, width: 600, height: 400 }, frame)).toEqual(fitted);
  });

  it("opens a wide, short drawing at its left end at a readable zoom, with every row inside the frame", () => {
    // A large estate grouped by wave: 26 groups in a row, two rows tall. The camera used to put
    // the drawing's middle 40 px below the frame's top, so its top row and headings were cut off.
    const bounds = viewBounds({ items: [{ x: 0, y: 0 }, { x: 9000, y: 110 }], columns: [{ x: 0, y: 0 }] });
    const fitted = { x: 5, y: 300, zoom: 0.08 };
    const camera = openingCamera(fitted, bounds, frame);
    expect(camera.zoom).toBe(READABLE_ZOOM);
    const top = camera.y + bounds.y * camera.zoom;
    const bottom = camera.y + (bounds.y + bounds.height) * camera.zoom;
    expect(top).toBeGreaterThan(0);
    expect(bottom).toBeLessThan(frame.height);
    expect(camera.x + bounds.x * camera.zoom).toBe(16);
    expect(top).toBe(16);
  });

  it("keeps the fitted camera when the drawing nearly reads at it, rather than cut its right-hand side off", () => {
    // The demo programme: seven columns in a frame beside the side panel fit at 0.48. Opening at
    // 0.5 from the left cut the last waves off for 4% larger text.
    const bounds = viewBounds({ items: [{ x: 0, y: 0 }, { x: 1300, y: 400 }], columns: [{ x: 0, y: 0 }] });
    const fitted = { x: 3, y: 40, zoom: 0.48 };
    expect(openingCamera(fitted, bounds, { width: 670, height: 630 })).toEqual(fitted);
    expect(openingCamera({ ...fitted, zoom: READABLE_ZOOM * 0.7 }, bounds, { width: 670, height: 630 }).zoom).toBe(READABLE_ZOOM);
  });

  it("keeps the fitted camera when the drawing is too tall to show whole at the readable zoom", () => {
    const fitted = { x: 0, y: 0, zoom: 0.1 };
    expect(openingCamera(fitted, { x: 0, y: 0, width: 9000, height: 2000 }, frame)).toEqual(fitted);
  });
});

describe("viewBounds", () => {
  it("covers every item's box and the headings above the columns", () => {
    expect(viewBounds({ items: [{ x: 10, y: 40 }, { x: 300, y: 100 }], columns: [{ x: 0, y: 40 }] })).toEqual({ x: 0, y: 40 - COLUMN_HEADING_OFFSET, width: 300 + NODE_WIDTH, height: 100 + NODE_HEIGHT - 40 + COLUMN_HEADING_OFFSET });
  });
});
