// The inbox's one-keystroke commands. Pure: the page maps a key to a command and carries it out.
import { CATEGORY_CODES, type CategoryCode } from "../../../common/taxonomy.ts";

export type InboxCommand =
  | { type: "next" }
  | { type: "previous" }
  | { type: "verify" }
  | { type: "reject" }
  | { type: "toggleSelect" }
  | { type: "open" }
  | { type: "setCategory"; category: CategoryCode };

/** Keys typed into a form field belong to the field, never to the inbox. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || element.isContentEditable === true;
}

export function commandFor(event: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): InboxCommand | null {
  // Browser and screen-reader shortcuts pass through untouched.
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case "j":
    case "ArrowDown":
      return { type: "next" };
    case "k":
    case "ArrowUp":
      return { type: "previous" };
    case "v":
      return { type: "verify" };
    case "r":
      return { type: "reject" };
    case "x":
      return { type: "toggleSelect" };
    case "Enter":
    case "o":
      return { type: "open" };
  }
  const digit = Number.parseInt(event.key, 10);
  const category = CATEGORY_CODES[digit - 1];
  if (/^[1-9]$/.test(event.key) && category) return { type: "setCategory", category };
  return null;
}
