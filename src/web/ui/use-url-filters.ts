// A page's filters kept in the address, so that a filtered view can be bookmarked, shared and
// reloaded. The parsers are pure so that what a hand-edited or stale link turns into is tested.
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";

/** One filter as written in the query string. */
export interface UrlFilter<T> {
  /** What an absent or unusable parameter means; a filter at this value is left out of the address. */
  fallback: T;
  /** The value the parameter's text stands for, or undefined when the page cannot use it. */
  parse: (text: string) => T | undefined;
  format: (value: T) => string;
}

// biome-ignore lint/suspicious/noExplicitAny: each filter has its own value type, recovered by FilterValues
export type FilterSpec = Record<string, UrlFilter<any>>;
export type FilterValues<S extends FilterSpec> = {
  [K in keyof S]: S[K] extends UrlFilter<infer T> ? T : never;
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day written YYYY-MM-DD that exists (no 31 April); "" when there is no limit. */
export const dayFilter: UrlFilter<string> = {
  fallback: "",
  parse: (text) => {
    const match = ISO_DAY.exec(text);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const exists =
      date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return exists ? text : undefined;
  },
  format: (value) => value,
};

/** An identifier such as a place id: the server's own limit on length, so a mangled link is caught here. */
export function idFilter(maxLength: number): UrlFilter<string> {
  return {
    fallback: "",
    parse: (text) => {
      const id = text.trim();
      return id !== "" && id.length <= maxLength ? id : undefined;
    },
    format: (value) => value,
  };
}

/** One of the choices a page offers, e.g. a period in days or a category code. */
export function choiceFilter<T extends string | number>(choices: readonly T[], fallback: T): UrlFilter<T> {
  return {
    fallback,
    parse: (text) => choices.find((choice) => String(choice) === text),
    format: (value) => String(value),
  };
}

export interface ReadFilters<S extends FilterSpec> {
  values: FilterValues<S>;
  /** Parameters present in the address that the page could not use and so left out. */
  unusable: (keyof S & string)[];
}

export function readFilters<S extends FilterSpec>(spec: S, params: URLSearchParams): ReadFilters<S> {
  const values: Record<string, unknown> = {};
  const unusable: (keyof S & string)[] = [];
  for (const [name, filter] of Object.entries(spec) as [keyof S & string, S[keyof S]][]) {
    const text = params.get(name);
    const parsed = text === null ? undefined : filter.parse(text);
    if (text !== null && parsed === undefined) unusable.push(name);
    values[name] = parsed ?? filter.fallback;
  }
  return { values: values as FilterValues<S>, unusable };
}

/** The address's parameters with these filters written in: other parameters are kept, fallbacks left out. */
export function writeFilters<S extends FilterSpec>(
  spec: S,
  values: FilterValues<S>,
  params: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, filter] of Object.entries(spec)) {
    const text = filter.format(values[name]);
    if (text === "" || text === filter.format(filter.fallback)) next.delete(name);
    else next.set(name, text);
  }
  return next;
}

const filtersKey = <S extends FilterSpec>(spec: S, values: FilterValues<S>) =>
  writeFilters(spec, values, new URLSearchParams()).toString();

/**
 * The page's filters, read from the address and written back to it on every change. `spec` must be
 * a module constant. The form works from a copy held here rather than from the address itself: the
 * router updates the address after the event, and a date input re-set a moment late loses the digits
 * being typed.
 */
export function useUrlFilters<S extends FilterSpec>(spec: S) {
  const [params, setParams] = useSearchParams();
  const fromAddress = useMemo(() => readFilters(spec, params), [spec, params]);
  const [filters, setFilters] = useState(fromAddress.values);
  // Filters written to the address and not yet seen there, oldest first. The address moving to
  // anything else means the reader went back or forward, or followed a link, and the form follows.
  const addressKey = filtersKey(spec, fromAddress.values);
  const [seenKey, setSeenKey] = useState(addressKey);
  const [written, setWritten] = useState<string[]>([]);
  if (addressKey !== seenKey) {
    setSeenKey(addressKey);
    const ours = written.indexOf(addressKey);
    if (ours >= 0) setWritten(written.slice(ours + 1));
    else {
      setWritten([]);
      setFilters(fromAddress.values);
    }
  }

  const change = (patch: Partial<FilterValues<S>>) => {
    const next = { ...filters, ...patch };
    const key = filtersKey(spec, next);
    setFilters(next);
    if (key !== addressKey) setWritten((keys) => [...keys, key]);
    // Both pages apply a filter the moment it changes, with no Apply button: a date input reports a
    // change at every digit typed and a select at every arrow key, so each change replaces the entry
    // rather than leaving a trail of half-typed filters for the Back button to walk through.
    setParams((current) => writeFilters(spec, next, current), { replace: true });
  };
  const clear = () => change(readFilters(spec, new URLSearchParams()).values);

  return { filters, unusable: fromAddress.unusable, change, clear };
}
