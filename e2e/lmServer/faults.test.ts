import { describe, expect, it } from 'vitest';
import { FaultPicker, parseFaultKinds } from './faults.ts';

const draw = (p: FaultPicker, n: number) => Array.from({ length: n }, () => p.next());

describe('FaultPicker', () => {
  it('the same seed faults the same requests with the same kinds', () => {
    const config = { rate: 0.3, kinds: parseFaultKinds('429,500,hang'), seed: 42 };
    const a = draw(new FaultPicker(config), 200);
    expect(draw(new FaultPicker(config), 200)).toEqual(a);
    expect(draw(new FaultPicker({ ...config, seed: 43 }), 200)).not.toEqual(a);
  });

  it('faults about the configured fraction, using only the configured kinds', () => {
    const picks = draw(new FaultPicker({ rate: 0.2, kinds: ['429', '500'], seed: 7 }), 5000);
    const faulted = picks.filter(Boolean);
    expect(faulted.length / picks.length).toBeGreaterThan(0.17);
    expect(faulted.length / picks.length).toBeLessThan(0.23);
    expect(new Set(faulted)).toEqual(new Set(['429', '500']));
  });

  it('rate 0 never faults, rate 1 always does', () => {
    expect(draw(new FaultPicker({ rate: 0 }), 100).every((f) => f === undefined)).toBe(true);
    expect(draw(new FaultPicker({ rate: 1, kinds: ['500'] }), 100).every((f) => f === '500')).toBe(true);
  });

  it('serves a scripted sequence first, then the rate', () => {
    const p = new FaultPicker({ rate: 0, sequence: ['429', 'hang'] });
    expect(draw(p, 3)).toEqual(['429', 'hang', undefined]);
    p.update({ sequence: ['truncated'] });
    expect(draw(p, 2)).toEqual(['truncated', undefined]);
  });

  it('a new seed restarts the selection', () => {
    const p = new FaultPicker({ rate: 0.5, kinds: ['500'], seed: 3 });
    const first = draw(p, 50);
    p.update({ seed: 3 });
    expect(draw(p, 50)).toEqual(first);
  });

  it('rejects unknown fault kinds by name', () => {
    expect(parseFaultKinds(' 429 , non_json ')).toEqual(['429', 'non_json']);
    expect(() => parseFaultKinds('429,teapot')).toThrow('unknown fault kind "teapot"');
  });
});
