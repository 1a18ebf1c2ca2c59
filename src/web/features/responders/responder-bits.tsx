// Small pieces the responder and routing pages share: option lists in the reader's language and
// the kind of a place from its id (the gazetteer's ids carry it: c:032, s:175, w:0872, l:kaptembwo).
import { useTranslation } from "react-i18next";
import { RESPONDER_UNIT_KINDS } from "../../../common/contracts/cases.ts";
import { CATEGORY_CODES, URGENCY_LEVELS } from "../../../common/taxonomy.ts";
import type { PlaceKind, PlaceRef } from "../../api/types.ts";
import type { Option } from "../../ui/fields.tsx";

const KIND_OF_PREFIX: Record<string, PlaceKind> = {
  c: "county",
  s: "sub_county",
  w: "ward",
  l: "locality",
};

export function placeRefOf(place: { id: string; name: string }): PlaceRef {
  const kind =
    place.id === "ke" ? "country" : (KIND_OF_PREFIX[place.id.split(":", 1)[0] ?? ""] ?? "locality");
  return { id: place.id, name: place.name, kind };
}

export function useOptions() {
  const { t } = useTranslation();
  const categories: Option[] = CATEGORY_CODES.map((c) => ({ value: c, label: t(`cases.categories.${c}`) }));
  const urgencies: Option[] = URGENCY_LEVELS.map((u) => ({ value: u, label: t(`cases.urgencies.${u}`) }));
  const kinds: Option[] = RESPONDER_UNIT_KINDS.map((k) => ({ value: k, label: t(`responders.kinds.${k}`) }));
  return { categories, urgencies, kinds };
}

/** "a, b or c" in the reader's language. */
export function useOrList(): (items: readonly string[]) => string {
  const { i18n } = useTranslation();
  const format = new Intl.ListFormat(i18n.resolvedLanguage, { type: "disjunction" });
  return (items) => format.format(items);
}
