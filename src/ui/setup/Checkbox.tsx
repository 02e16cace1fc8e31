// A checkbox with its text after it, both inside one label (setup.css's `check` row), that hands back
// the new state rather than the event.
import type { InputHTMLAttributes, ReactNode } from 'react';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'onChange'>;

interface CheckboxProps extends Native {
  checked: boolean;
  onChecked(checked: boolean): void;
  children: ReactNode;
}

export function Checkbox({ checked, onChecked, children, ...rest }: CheckboxProps) {
  return (
    <label className="check">
      <input {...rest} type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} />
      {children}
    </label>
  );
}
