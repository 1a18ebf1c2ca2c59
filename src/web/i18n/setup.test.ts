import { describe, expect, it } from "vitest";
import { createI18n, preferredLocale, rememberLocale, storedLocale } from "./setup.ts";

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("choosing the language", () => {
  it("remembers the choice made before sign-in on this device", () => {
    const storage = memoryStorage();
    expect(storedLocale(storage)).toBeUndefined();
    rememberLocale(storage, "sw");
    expect(storedLocale(storage)).toBe("sw");
  });

  it("ignores a stored value that is not a language Baraza speaks", () => {
    const storage = memoryStorage();
    storage.setItem("baraza.locale", "fr");
    expect(storedLocale(storage)).toBeUndefined();
  });

  it("keeps working when the browser refuses storage (private mode)", () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(storedLocale(refusing)).toBeUndefined();
    expect(() => rememberLocale(refusing, "sw")).not.toThrow();
  });

  it("starts a Kiswahili-first device in Kiswahili and every other device in English", () => {
    expect(preferredLocale(["sw-KE", "en-GB"])).toBe("sw");
    expect(preferredLocale(["en-KE", "sw"])).toBe("en");
    expect(preferredLocale(["fr-FR", "sw"])).toBe("sw");
    expect(preferredLocale(["fr-FR"])).toBe("en");
    expect(preferredLocale([])).toBe("en");
  });

  it("translates at once, counts in both languages and switches language on request", async () => {
    const i18n = createI18n("sw");
    expect(i18n.t("auth.signIn")).toBe("Ingia");
    expect(i18n.t("users.count", { count: 1 })).toBe("Mtumiaji 1");
    expect(i18n.t("users.count", { count: 3 })).toBe("Watumiaji 3");
    await i18n.changeLanguage("en");
    expect(i18n.t("users.count", { count: 3 })).toBe("3 users");
    expect(i18n.t("home.title", { name: "Wanjiku & Otieno" })).toBe("Welcome, Wanjiku & Otieno");
  });
});
