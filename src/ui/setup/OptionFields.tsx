// The run options' fields, each bound by name to one option of the setup store: it shows the option
// and writes every valid change back, so the option panels are lists of names and labels. A field's
// id is also its test id.
import type { ComponentProps, ReactNode } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';
import type { RunOptionsConfig } from '../../run/runConfig.ts';
import { Checkbox } from './Checkbox.tsx';
import { NumberInput } from './NumberInput.tsx';
import { Select } from './Select.tsx';
import type { Choice } from './Select.tsx';

type Options = RunOptionsConfig;
type OptionOf<V> = { [K in keyof Options]-?: Options[K] extends V ? K : never }[keyof Options];

type NumberProps = Omit<ComponentProps<typeof NumberInput>, 'value' | 'onValue' | 'className'>;

export function OptionNumber({ option, id, ...rest }: { option: OptionOf<number> } & NumberProps) {
  const value = useSetupStore((s) => s.options[option]);
  const set = useSetupStore((s) => s.setOptions);
  return (
    <NumberInput
      {...rest}
      id={id}
      data-testid={id}
      className="short"
      value={value}
      onValue={(v) => v !== undefined && set({ [option]: v })}
    />
  );
}

type SelectProps = Omit<ComponentProps<'select'>, 'value' | 'onChange' | 'id'>;

export function OptionSelect<K extends OptionOf<string>>({
  option,
  id,
  choices,
  ...rest
}: { option: K; id: string; choices: readonly Choice<Options[K]>[] } & SelectProps) {
  const value = useSetupStore((s) => s.options[option]);
  const set = useSetupStore((s) => s.setOptions);
  return (
    <Select {...rest} id={id} data-testid={id} value={value} choices={choices} onValue={(v) => set({ [option]: v })} />
  );
}

export function OptionCheckbox({
  option,
  id,
  children,
  disabled,
  title,
}: {
  option: OptionOf<boolean>;
  id: string;
  children: ReactNode;
  disabled?: boolean;
  title?: string;
}) {
  const checked = useSetupStore((s) => s.options[option]);
  const set = useSetupStore((s) => s.setOptions);
  return (
    <Checkbox
      id={id}
      data-testid={id}
      checked={checked}
      disabled={disabled}
      title={title}
      onChecked={(v) => set({ [option]: v })}
    >
      {children}
    </Checkbox>
  );
}
