import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineOfOffset } from "./json-syntax";

const valid = ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9"]}', ' \n{ "a" : { "b" : [ ] } }\n', '"s"', '0', '-0.1E+2'];
const invalid: [string, number][] = [
  ['{"a":1,}', 7],
  ['{"a":1 "b":2}', 7],
  ['{"a": tru}', 6],
  ["[1,2", 4],
  ['{"a":"x\ny"}', 7],
  ['{"a":1}}', 7],
  ['{"a": }', 6],
  ["{a:1}", 1],
  ['{"a":01}', 6],
  ['"\\x"', 2],
  ["", 0],
  ["[1,2]]", 5],
];

describe("jsonErrorOffset", () => {
  it.each(valid)("finds no error in %j, as JSON.parse", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonErrorOffset(text)).toBe(-1);
  });

  it.each(invalid)("finds the error in %j at %i, where JSON.parse fails too", (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it("never throws on nesting deep enough to overflow the stack", () => {
    expect(jsonErrorOffset("[".repeat(200_000))).toBeGreaterThanOrEqual(0);
  });

  it("turns offsets into lines", () => {
    expect([0, 2, 3, 6].map((o) => lineOfOffset("ab\ncd\nef", o))).toEqual([1, 1, 2, 3]);
  });
});
