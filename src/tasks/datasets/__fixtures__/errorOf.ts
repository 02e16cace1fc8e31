// Test helper: the DatasetError a call throws (any other outcome fails the test).
import { DatasetError } from '../../types.ts';

export function errorOf(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DatasetError) return err;
    throw err;
  }
  throw new Error('expected a DatasetError');
}
