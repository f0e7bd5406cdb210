// The district simulator's flags and environment: defaults, flags over environment, and every bad value
// refused by name (a token's value never echoed).
import { describe, expect, it } from 'vitest';
import { ConfigError, parseDistrictConfig } from '../../electron/district/config.ts';
import { mintToken } from '../../electron/district/resources.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseDistrictConfig(argv, env);

describe('district config', () => {
  it('has working defaults', () => {
    const config = parse([]);
    if (config === 'help') throw new Error('unexpected help');
    expect(config).toMatchObject({ port: 8630, host: '127.0.0.1', ticketRate: 240, ticketPrefix: 'SJ', retainDays: 30 });
    expect(config.storm).toBeUndefined();
    expect(config.site).toMatch(/resources\/demo-street\/site\.json$/);
    expect(config.profile).toMatch(/resources\/demo-street\/load-profile\.json$/);
  });

  it('takes flags over environment', () => {
    const config = parse(['--port', '9001', '--ticket-rate', '0', '--storm', 'on'], { DISTRICT_PORT: '9002', DISTRICT_SEED: '7', DISTRICT_TOKEN: 'shared-secret' });
    expect(config).toMatchObject({ port: 9001, ticketRate: 0, storm: 'on', seed: 7, token: 'shared-secret' });
    expect(parse(['--help'])).toBe('help');
  });

  it.each([
    [['--port', 'eighty'], {}, /--port "eighty"/],
    [[], { DISTRICT_PORT: '-1' }, /DISTRICT_PORT "-1"/],
    [['--bogus'], {}, /Unknown option '--bogus'/],
    [['stray'], {}, /stray/],
    [['--seed', '1.5'], {}, /--seed "1.5"/],
    [['--ticket-rate', 'lots'], {}, /--ticket-rate "lots"/],
    [['--ticket-rate=-3'], {}, /--ticket-rate "-3"/],
    [['--storm', 'maybe'], {}, /--storm "maybe"/],
    [['--ticket-prefix', '区'], {}, /--ticket-prefix "区": 1-6 capital latin letters/],
    [['--retain-days', '0'], {}, /--retain-days "0"/],
    [['--host', 'a b'], {}, /--host "a b": not a host/],
  ])('rejects bad input %j %j with a message naming it', (argv, env, message) => {
    expect(() => parse(argv, env)).toThrow(ConfigError);
    expect(() => parse(argv, env)).toThrow(message);
  });

  it('names a bad token without showing it', () => {
    expect(() => parse(['--token', 'short'])).toThrow(/^--token: a token is 8-200/);
    expect(() => parse([], { DISTRICT_ADMIN_TOKEN: 'has space in it' })).toThrow(/^DISTRICT_ADMIN_TOKEN: /);
    expect(() => parse([], { DISTRICT_ADMIN_TOKEN: 'has space in it' })).not.toThrow(/space/);
  });
});

describe('minted district tokens', () => {
  it('never begin with a dash, so that they can be handed on a command line, and pass the token rule', () => {
    const tokens = Array.from({ length: 2_000 }, mintToken);
    expect(tokens.filter((t) => t.startsWith('-'))).toEqual([]);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 50)) expect(parseDistrictConfig(['--token', token, '--admin-token', token], {})).toMatchObject({ token, adminToken: token });
  });
});
