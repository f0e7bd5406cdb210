// The site's camera-stream file (electron/hall/cameras/camera-streams.ts) and the tickets a video element
// plays a stream with (stream-tickets.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCameraStreams } from '../../electron/hall/cameras/camera-streams.ts';
import { createStreamTickets } from '../../electron/hall/cameras/stream-tickets.ts';
import { ConfigError } from '../../electron/hall/config.ts';

const CAMERAS = new Set(['SX-001', 'SX-002']);
const dir = mkdtempSync(join(tmpdir(), 'cameras-'));
let n = 0;
const file = (text: string) => {
  const path = join(dir, `cameras-${n++}.json`);
  writeFileSync(path, text);
  return path;
};

describe('loadCameraStreams', () => {
  it('reads each camera\'s stream URL, credentials and all', () => {
    const streams = loadCameraStreams(file('{"SX-001": "http://nvr:pw@10.8.0.21:8080/live/1.mp4", "SX-002": "https://video.example/2.webm"}'), CAMERAS);
    expect([...streams.keys()]).toEqual(['SX-001', 'SX-002']);
    expect(streams.get('SX-001')!.username).toBe('nvr');
    expect(streams.get('SX-002')!.protocol).toBe('https:');
  });

  it.each([
    ['{"SX-001": "rtsp://10.8.0.21/1"}', /"SX-001": not an http:\/\/ or https:\/\/ URL/],
    ['{"SX-001": "javascript:alert(1)"}', /"SX-001": not an http:\/\/ or https:\/\/ URL/],
    ['{"SX-001": 5}', /"SX-001":/],
    ['["http://a/1"]', /expected record/],
    ['{"SX-001": "http://a/1",}', /not JSON/],
    ['{"SX-999": "http://a/1"}', /no camera SX-999 on the street/],
    ['{"../etc": "http://a/1"}', /no camera \.\.\/etc on the street/],
  ])('refuses %s, naming the file and the problem', (text, message) => {
    const path = file(text);
    const attempt = () => loadCameraStreams(path, CAMERAS);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(path);
  });

  it('refuses a file that is not there', () => {
    expect(() => loadCameraStreams(join(dir, 'missing.json'), CAMERAS)).toThrow(/camera streams .*missing\.json: ENOENT/);
  });
});

describe('stream tickets', () => {
  it('admit their own camera until they run out, nothing else', () => {
    let now = 1_000_000;
    const tickets = createStreamTickets(() => now, 60_000);
    const ticket = tickets.issue('SX-001');
    expect(tickets.admits(ticket, 'SX-001')).toBe(true);
    expect(tickets.admits(ticket, 'SX-002')).toBe(false);
    const [until, mac] = ticket.split('.') as [string, string];
    expect(tickets.admits(`${Number(until) + 1}.${mac}`, 'SX-001'), 'a longer life is not the hall\'s signature').toBe(false);
    // Another first character: six bits of the signature (the last one carries padding bits a decoder drops).
    expect(tickets.admits(`${until}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`, 'SX-001')).toBe(false);
    expect(tickets.admits('', 'SX-001')).toBe(false);
    now += 60_000;
    expect(tickets.admits(ticket, 'SX-001')).toBe(false);
  });

  it('from another hall process (another key) are refused', () => {
    const ticket = createStreamTickets(() => 0, 60_000).issue('SX-001');
    expect(createStreamTickets(() => 0, 60_000).admits(ticket, 'SX-001')).toBe(false);
  });
});
