import type { TFunction } from "i18next";
import { ApiError } from "../api/client.ts";

/** Server messages for 4xx are written for people; network and server failures get our own words. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "network") return t("errors.network");
    if (error.status >= 500) return t("errors.server");
    return error.message;
  }
  return t("errors.server");
}

/**
 * The message above a form. When every field problem is already shown beside its field, a pointer to
 * them is enough; otherwise the server's full message, so that no problem goes unseen.
 */
export function formAlertText(t: TFunction, error: unknown, shownFields: readonly string[]): string {
  if (error instanceof ApiError && error.fields.length > 0) {
    const allShown = error.fields.every((f) => shownFields.includes(f.path.split(".")[0] ?? f.path));
    if (allShown) return t("errors.checkFields");
  }
  return errorText(t, error);
}
