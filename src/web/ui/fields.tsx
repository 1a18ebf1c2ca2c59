// Labelled form controls. Each ties its hint and error to the control with aria-describedby,
// so a screen reader hears why a field was refused, right where it is.
import { type InputHTMLAttributes, type ReactNode, useId } from "react";

function useDescribedBy(hint: ReactNode | undefined, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const hintNode = hint ? (
    <p id={hintId} className="hint">
      {hint}
    </p>
  ) : null;
  const errorNode = error ? (
    <p id={errorId} className="field-error">
      {error}
    </p>
  ) : null;
  return { id, describedBy, hintNode, errorNode, invalid: error ? true : undefined };
}

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "type">;

interface TextFieldProps extends NativeInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "password" | "search" | "number";
  error?: string | undefined;
  hint?: ReactNode;
}

export function TextField({ label, value, onChange, error, hint, type = "text", ...native }: TextFieldProps) {
  const { id, describedBy, hintNode, errorNode, invalid } = useDescribedBy(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintNode}
      <input
        {...native}
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
      {errorNode}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  error?: string | undefined;
  hint?: ReactNode;
}

export function SelectField({ label, value, onChange, options, error, hint }: SelectFieldProps) {
  const { id, describedBy, hintNode, errorNode, invalid } = useDescribedBy(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintNode}
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorNode}
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: ReactNode;
}

export function CheckboxField({ label, checked, onChange, error, hint }: CheckboxFieldProps) {
  const { id, describedBy, hintNode, errorNode, invalid } = useDescribedBy(hint, error);
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
      {hintNode}
      {errorNode}
    </div>
  );
}

interface CheckboxGroupProps {
  legend: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
}

/** A multi-select as a set of checkboxes: usable on a phone and by keyboard, unlike <select multiple>. */
export function CheckboxGroup({ legend, options, selected, onChange, error, hint }: CheckboxGroupProps) {
  const { describedBy, hintNode, errorNode, invalid } = useDescribedBy(hint, error);
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="field checkbox-group" aria-describedby={describedBy} aria-invalid={invalid}>
      <legend>{legend}</legend>
      {hintNode}
      <div className="checkbox-options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-option">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {errorNode}
    </fieldset>
  );
}
