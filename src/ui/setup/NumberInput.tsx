// A number field that lets the user type freely ("0.", an empty box) and only hands valid numbers to
// the store; an out-of-range entry is marked invalid instead of being silently clamped.
import { useState } from 'react';
import type { InputHTMLAttributes } from 'react';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>;

interface NumberInputProps extends Native {
  value: number | undefined;
  onValue(value: number | undefined): void;
  min?: number;
  max?: number;
  integer?: boolean;
  /** an empty box means "not set" (undefined) */
  optional?: boolean;
}

const show = (v: number | undefined) => (v === undefined ? '' : String(v));

export function NumberInput({ value, onValue, min, max, integer, optional, className, ...rest }: NumberInputProps) {
  const [text, setText] = useState(show(value));
  const [synced, setSynced] = useState(value);
  // the store changed under us (a demo task was loaded): show its value
  if (value !== synced) {
    setSynced(value);
    setText(show(value));
  }
  const parse = (t: string): { ok: boolean; n: number | undefined } => {
    if (t.trim() === '') return { ok: !!optional, n: undefined };
    const n = Number(t);
    const ok =
      Number.isFinite(n) &&
      (!integer || Number.isInteger(n)) &&
      (min === undefined || n >= min) &&
      (max === undefined || n <= max);
    return { ok, n };
  };
  const { ok } = parse(text);
  return (
    <input
      {...rest}
      type="number"
      className={`${className ?? ''}${ok ? '' : ' invalid'}`}
      aria-invalid={!ok}
      value={text}
      min={min}
      max={max}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const parsed = parse(t);
        if (parsed.ok) {
          setSynced(parsed.n);
          onValue(parsed.n);
        }
      }}
    />
  );
}
