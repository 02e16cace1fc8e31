import { describe, expect, it } from 'vitest';
import { UsageError, parseCommand } from './args.ts';

const run = (...argv: string[]) => {
  const c = parseCommand(argv);
  if (c.kind !== 'run') throw new Error('expected a run command');
  return c.args;
};
const usage = (...argv: string[]) => {
  try {
    parseCommand(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('parseCommand', () => {
  it('reads a run with every flag', () => {
    expect(
      run(
        'run',
        '--config',
        'c.json',
        '--out',
        'o.json',
        '--run-dir',
        'd',
        '--json-events',
        '--quiet',
        '--demo-latency',
        '40',
      ),
    ).toEqual({
      config: 'c.json',
      out: 'o.json',
      runDir: 'd',
      jsonEvents: true,
      quiet: true,
      demoLatencyMs: 40,
    });
  });

  it('a resume needs no --config', () =>
    expect(run('run', '--resume', 'd', '--out', 'o.json')).toEqual({
      resume: 'd',
      out: 'o.json',
      jsonEvents: false,
      quiet: false,
    }));

  it('--help, -h and "help" ask for help, whatever else is given', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['run', '--help']])
      expect(parseCommand(argv)).toEqual({ kind: 'help' });
  });

  it('names what is missing or wrong', () => {
    expect(usage()).toMatch(/no command/);
    expect(usage('go')).toMatch(/unknown command "go"/);
    expect(usage('run', '--config', 'c.json')).toMatch(/--out/);
    expect(usage('run', '--out', 'o.json')).toMatch(/--config/);
    expect(usage('run', '--config', 'c', '--out', 'o', '--frobnicate')).toMatch(/--frobnicate/);
    expect(usage('run', '--resume', 'a', '--run-dir', 'b', '--out', 'o')).toMatch(/--resume DIR continues in DIR/);
    expect(usage('run', '--config', 'c', '--out', 'o', '--demo-latency', 'fast')).toMatch(/--demo-latency/);
    expect(usage('run', 'extra', '--config', 'c', '--out', 'o')).toMatch(/unexpected argument "extra"/);
  });

  it('reads tracking resend with its options, and names what is wrong with it', () => {
    expect(parseCommand(['tracking', 'resend', 'out-run'])).toEqual({ kind: 'resend', args: { target: 'out-run' } });
    expect(
      parseCommand([
        'tracking',
        'resend',
        'u.jsonl',
        '--tracking-uri',
        'http://h:5000',
        '--run-id',
        'r1',
        '--experiment',
        'e',
        '--tracking-wait',
        '5',
      ]),
    ).toEqual({
      kind: 'resend',
      args: { target: 'u.jsonl', trackingUri: 'http://h:5000', runId: 'r1', experiment: 'e', waitS: 5 },
    });
    expect(parseCommand(['tracking', '--help'])).toEqual({ kind: 'help' });
    expect(usage('tracking')).toMatch(/no tracking command/);
    expect(usage('tracking', 'send', 'd')).toMatch(/unknown tracking command "send"/);
    expect(usage('tracking', 'resend')).toMatch(/needs the run directory/);
    expect(usage('tracking', 'resend', 'a', 'b')).toMatch(/unexpected argument "b"/);
    expect(usage('tracking', 'resend', 'a', '--out', 'o')).toMatch(/--out/);
    expect(usage('tracking', 'resend', 'a', '--tracking-wait', 'soon')).toMatch(/--tracking-wait/);
    expect(usage('run', '--config', 'c', '--out', 'o', '--run-id', 'r')).toMatch(/--run-id/);
  });
});
