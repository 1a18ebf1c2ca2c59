import { useState } from "react";

/**
 * The text inputs of one form in one state object. `field("email")` gives a TextField its value and
 * onChange; `reset()` empties the form after a successful submit.
 */
export function useTextFields<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  return {
    values,
    field: (key: K) => ({
      value: values[key],
      onChange: (value: string) => setValues((old) => ({ ...old, [key]: value })),
    }),
    reset: () => setValues(initial),
  };
}
