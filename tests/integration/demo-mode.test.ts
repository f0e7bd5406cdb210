// Demo data is marked and switchable: the embedded default (no --site) runs the demo and says so; a site's own
// configuration runs without it unless --demo on; demo cases are the hall's own, marked demo, never upstream.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, startHall, tempDataDir } from '../helpers/hall-process.ts';
import { connect } from '../helpers/ws-client.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SITE = join(REPO, 'resources/demo-street/site.json');

async function watch(args: string[]) {
  const hall = await startHall({ args: ['--demo-feed', '1', ...args] });
  const wall = await connect(hall.wsUrl, { role: 'wall', seatId: 'wall-1', token: hall.tokenOf('wall-1') });
  const welcome = wall.messages.find((m) => m.type === 'welcome');
  await sleep(2600);
  const created = wall.messages.flatMap((m) => (m.type === 'event' && m.event.type === 'case.created' ? [m.event] : []));
  await wall.close();
  await hall.stop();
  return { demo: welcome?.type === 'welcome' && welcome.demo, created };
}

describe('demo mode', () => {
  it('the embedded default runs the demo feed, its cases marked demo and the hall\'s own', async () => {
    const { demo, created } = await watch([]);
    expect(demo).toBe(true);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const e of created) {
      expect(e.payload.demo).toBe(true);
      expect(e.origin).toBe('hall');
    }
  });

  it('a site of its own runs without demo data, unless told --demo on', async () => {
    const site = join(tempDataDir('demo-site-'), 'site.json');
    writeFileSync(site, readFileSync(SITE, 'utf8'));
    const off = await watch(['--site', site]);
    expect(off).toEqual({ demo: false, created: [] });
    const on = await watch(['--site', site, '--demo', 'on']);
    expect(on.demo).toBe(true);
    expect(on.created.length).toBeGreaterThanOrEqual(1);
  });

  it('a seat cannot pass its own case off as demo data', async () => {
    const hall = await startHall({ args: ['--demo-feed', '0'] });
    try {
      const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
      expect((await commander.createCase({ title: '真实案件', demo: true })).type).toBe('ack');
      const created = await commander.take((m) => m.type === 'event' && m.event.type === 'case.created', 'created');
      expect(created.type === 'event' && created.event.type === 'case.created' && created.event.payload.demo).toBeUndefined();
      await commander.close();
    } finally {
      await hall.stop();
    }
  });
});
