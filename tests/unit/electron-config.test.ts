import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lanAddresses } from '../../electron/common/lan-addresses.ts';
import { ConfigError, hallCoreArgs, parseAppConfig } from '../../electron/main/app-config.ts';

const desk = ['--role', 'desk', '--hall-address', '192.168.1.10:8620', '--seat', 'desk-police', '--token', 'secret-token-1'];
const errorOf = (argv: string[], env: Record<string, string> = {}) => {
  try {
    parseAppConfig(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseAppConfig', () => {
  it('defaults to role hall with automatic wall displays', () => {
    expect(parseAppConfig([], {})).toEqual({ role: 'hall', port: undefined, dataDir: undefined, listen: '0.0.0.0', site: undefined, demo: undefined, wallDisplays: 'auto' });
  });

  it('reads a desk from flags, in both --flag value and --flag=value forms', () => {
    const expected = { role: 'desk', hall: { host: '192.168.1.10', port: 8620 }, seat: 'desk-police', token: 'secret-token-1', wallDisplays: 'auto' };
    expect(parseAppConfig(desk, {})).toEqual(expected);
    expect(parseAppConfig(['--role=desk', '--hall-address=192.168.1.10:8620', '--seat=desk-police', '--token=secret-token-1'], {})).toEqual(expected);
  });

  it('reads the environment, and flags win over it', () => {
    const env = { HALL_ROLE: 'wall', HALL_ADDRESS: 'ws://hall.local:9000', HALL_SEAT: 'wall-1', HALL_TOKEN: 'wall-token-xyz', HALL_WALL_DISPLAYS: '7, 8' };
    expect(parseAppConfig([], env)).toMatchObject({ role: 'wall', hall: { host: 'hall.local', port: 9000 }, seat: 'wall-1', wallDisplays: [7, 8] });
    expect(parseAppConfig(['--seat', 'wall-2'], env)).toMatchObject({ seat: 'wall-2' });
  });

  it('reads the hall port and data dir (resolved to an absolute path)', () => {
    expect(parseAppConfig(['--port', '0', '--data-dir', 'data/hall'], { HALL_PORT: '9' })).toMatchObject({ port: 0, dataDir: resolve('data/hall') });
    expect(parseAppConfig([], { HALL_PORT: '8620' })).toMatchObject({ port: 8620 });
  });

  it('ignores switches it does not know (Chromium, Playwright) and positional arguments', () => {
    expect(parseAppConfig(['out/main/index.js', '--inspect=0', '--remote-debugging-port=0', '--no-sandbox'], {}).role).toBe('hall');
  });

  it('treats empty environment variables as unset', () => {
    expect(parseAppConfig([], { HALL_ROLE: '' }).role).toBe('hall');
  });

  it('names the flag or variable of a bad value', () => {
    expect(errorOf(['--role', 'kiosk'])).toContain('--role "kiosk": expected hall, desk or wall');
    expect(errorOf([], { HALL_ROLE: 'kiosk' })).toContain('HALL_ROLE "kiosk"');
    expect(errorOf(['--port', '70000'])).toContain('--port "70000": expected a port number 0–65535');
    expect(errorOf(['--port', 'abc'])).toContain('--port "abc"');
    expect(errorOf([], { HALL_PORT: '-1' })).toContain('HALL_PORT "-1"');
    expect(errorOf(['--wall-displays', 'left,right'])).toContain('--wall-displays "left,right"');
  });

  it('rejects malformed hall addresses', () => {
    for (const bad of ['192.168.1.10', 'ftp://h:21', 'http://h:80/path', '::::', 'h:99999']) {
      expect(errorOf([...desk, '--hall-address', bad])).toContain(`--hall-address ${JSON.stringify(bad)}`);
    }
  });

  it('rejects seat ids and tokens the LAN protocol would refuse', () => {
    expect(errorOf([...desk, '--seat', 'desk 1'])).toContain('--seat "desk 1"');
    expect(errorOf([...desk, '--token', 'short'])).toContain('--token "short"');
  });

  it('requires address, seat and token for desk and wall, naming flag and variable', () => {
    const message = errorOf(['--role', 'wall']);
    expect(message).toContain('--hall-address (or HALL_ADDRESS) is required for role wall');
    expect(message).toContain('--seat (or HALL_SEAT) is required');
    expect(message).toContain('--token (or HALL_TOKEN) is required');
  });

  it('reports a known flag without a value', () => {
    expect(errorOf(['--role'])).toContain('--role needs a value');
    expect(errorOf(['--seat', '--role', 'hall'])).toContain('--seat needs a value');
    expect(errorOf(['--data-dir='])).toContain('--data-dir needs a value');
  });

  it('lists every problem at once', () => {
    const message = errorOf(['--role', 'x', '--port', 'y']);
    expect(message).toContain('--role');
    expect(message).toContain('--port');
  });
});

describe('the hall role on the LAN', () => {
  it('listens on every interface by default and passes host, site and demo on to the hall core', () => {
    const config = parseAppConfig(['--site', 'site.json', '--demo', 'off', '--port', '8620'], {});
    if (config.role !== 'hall') throw new Error('not the hall role');
    expect(config.listen).toBe('0.0.0.0');
    expect(hallCoreArgs({ ...config, dataDir: '/data' })).toEqual(['--data-dir', '/data', '--port', '8620', '--host', '0.0.0.0', '--site', resolve('site.json'), '--demo', 'off']);
    const local = parseAppConfig([], { HALL_HOST: '127.0.0.1' });
    expect(local.role === 'hall' && local.listen).toBe('127.0.0.1');
  });

  it('refuses a bad host or demo switch by name', () => {
    expect(() => parseAppConfig(['--host', 'a b'], {})).toThrow(/--host "a b": expected a host name or address/);
    expect(() => parseAppConfig([], { HALL_DEMO: 'maybe' })).toThrow(/HALL_DEMO "maybe": expected on or off/);
  });

  it('names the LAN addresses desks connect to, leaving loopback out', () => {
    const interfaces = {
      lo: [{ family: 'IPv4', address: '127.0.0.1', internal: true }],
      eth0: [{ family: 'IPv4', address: '192.168.1.10', internal: false }, { family: 'IPv6', address: 'fe80::1', internal: false }],
    };
    expect(lanAddresses('0.0.0.0', 8620, interfaces)).toEqual(['http://192.168.1.10:8620']);
    expect(lanAddresses('192.168.1.10', 8620, interfaces)).toEqual(['http://192.168.1.10:8620']);
    expect(lanAddresses('127.0.0.1', 8620, interfaces)).toEqual([]);
  });
});
