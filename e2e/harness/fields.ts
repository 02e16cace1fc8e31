// Filling a form control whatever it turned out to be: a <select> gets selectOption, a checkbox is
// checked or unchecked, anything else is typed into. Keeps page objects independent of which control
// a view chose for a setting.
import type { Locator } from 'playwright-core';

export async function setControl(control: Locator, value: string | boolean): Promise<void> {
  const kind = await control.evaluate((el) =>
    el instanceof HTMLSelectElement
      ? 'select'
      : el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
        ? 'check'
        : 'text',
  );
  if (kind === 'select') await control.selectOption(String(value));
  else if (kind === 'check') await control.setChecked(value === true || value === 'true');
  else await control.fill(String(value));
}

/**
 * Chooses exactly `values` in a multi-value control: a <select multiple>, or a container of checkboxes
 * identified by their value attribute or their label text.
 */
export async function chooseMany(control: Locator, values: string[]): Promise<void> {
  const isSelect = await control.evaluate((el) => el instanceof HTMLSelectElement);
  if (isSelect) {
    await control.selectOption(values);
    return;
  }
  const boxes = control.locator('input[type=checkbox]');
  const n = await boxes.count();
  if (n === 0) throw new Error('the multi-value control holds neither a <select> nor checkboxes');
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    const [value, label] = await box.evaluate((el) => {
      const input = el as HTMLInputElement;
      const label =
        input.closest('label')?.textContent ??
        (input.id ? document.querySelector(`label[for="${input.id}"]`)?.textContent : '') ??
        '';
      return [input.value, label.trim()];
    });
    // a label may carry more than the column name (a sample value, a type): its first word is the name
    await box.setChecked(values.some((v) => v === value || v === label || v === label.split(/\s/)[0]));
  }
}
