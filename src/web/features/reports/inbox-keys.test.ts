import { describe, expect, it } from "vitest";
import { commandFor, isTypingTarget } from "./inbox-keys.ts";

describe("one-keystroke inbox commands", () => {
  it("maps j/k, v, r, x and Enter to their commands", () => {
    expect(
      ["j", "ArrowDown", "k", "ArrowUp", "v", "r", "x", "Enter", "o"].map((key) => commandFor({ key })?.type),
    ).toEqual(["next", "next", "previous", "previous", "verify", "reject", "toggleSelect", "open", "open"]);
  });

  it("maps the number keys 1–9 to the categories in their listed order", () => {
    expect(commandFor({ key: "1" })).toEqual({ type: "setCategory", category: "violent_extremism" });
    expect(commandFor({ key: "4" })).toEqual({ type: "setCategory", category: "police_misconduct" });
    expect(commandFor({ key: "9" })).toEqual({ type: "setCategory", category: "other" });
    expect(commandFor({ key: "0" })).toBeNull();
  });

  it("leaves shortcuts with modifiers and other keys alone", () => {
    expect(commandFor({ key: "v", ctrlKey: true })).toBeNull();
    expect(commandFor({ key: "r", metaKey: true })).toBeNull();
    expect(commandFor({ key: "q" })).toBeNull();
  });

  it("treats form fields as typing targets", () => {
    expect(isTypingTarget({ tagName: "INPUT" } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: "LI", isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
