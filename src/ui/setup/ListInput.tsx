// A comma-separated list field: the text stays as typed ("a, " while typing the next item) and the
// parsed list goes to the store.
import { useState } from 'react';
import type { InputHTMLAttributes } from 'react';
import { parseList } from './metricDraft.ts';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

interface ListInputProps extends Native {
  value: readonly string[];
  onValue(value: string[]): void;
}

export function ListInput({ value, onValue, ...rest }: ListInputProps) {
  const [text, setText] = useState(value.join(', '));
  const [synced, setSynced] = useState(value.join('\n'));
  if (value.join('\n') !== synced) {
    setSynced(value.join('\n'));
    setText(value.join(', '));
  }
  return (
    <input
      {...rest}
      type="text"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const list = parseList(e.target.value);
        setSynced(list.join('\n'));
        onValue(list);
      }}
    />
  );
}
