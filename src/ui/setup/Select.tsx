// A drop-down over a fixed list of choices that hands back the chosen value, typed as one of them.
import type { SelectHTMLAttributes } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

type Native = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

interface SelectProps<T extends string> extends Native {
  value: T;
  choices: readonly Choice<T>[];
  onValue(value: T): void;
}

export function Select<T extends string>({ value, choices, onValue, ...rest }: SelectProps<T>) {
  return (
    <select {...rest} value={value} onChange={(e) => onValue(e.target.value as T)}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
