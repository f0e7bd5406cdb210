import { describe, expect, it } from 'vitest';
import { ConfigError, parseHallConfig } from '../../electron/hall/config.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseHallConfig(argv, env);

describe('hall config', () => {
  it('has working defaults', () => {
    const config = parse([]);
    if (config === 'help') throw new Error('unexpected help');
    expect(config.port).toBe(8620);
    expect(config.host).toBe('127.0.0.1');
    expect(config.demoFeed).toBeGreaterThan(0);
    // The seeding's own default (demo-history.ts) unless told.
    expect(config.demoHistory).toBeUndefined();
    expect(parse(['--demo-history', '0'])).toMatchObject({ demoHistory: 0 });
  });

  it('takes flags over environment', () => {
    const config = parse(['--port', '9001', '--data-dir', '/tmp/x'], { HALL_PORT: '9002', HALL_DATA_DIR: '/tmp/y', HALL_DEMO_FEED: '0' });
    expect(config).toMatchObject({ port: 9001, dataDir: '/tmp/x', demoFeed: 0 });
  });

  it('answers --help with usage', () => {
    expect(parse(['--help'])).toBe('help');
  });

  it.each([
    [['--port', 'eighty'], {}, /--port "eighty"/],
    [['--port', '70000'], {}, /--port "70000"/],
    [[], { HALL_PORT: '-1' }, /HALL_PORT "-1"/],
    [['--bogus'], {}, /Unknown option '--bogus'/],
    [['--port'], {}, /--port/],
    [['stray'], {}, /stray/],
    [['--host', 'a b'], {}, /--host "a b": not a host/],
    [['--demo-feed', 'often'], {}, /--demo-feed "often"/],
    [['--demo-history', 'a month'], {}, /--demo-history "a month"/],
    [[], { HALL_DEMO_HISTORY: '365' }, /HALL_DEMO_HISTORY "365"/],
  ])('rejects bad input %j %j with a message naming it', (argv, env, message) => {
    expect(() => parse(argv, env)).toThrow(ConfigError);
    expect(() => parse(argv, env)).toThrow(message);
  });
});
