import { describe, expect, it } from 'vitest';
import type { HallReady } from '../../electron/common/bridge.ts';
import { bridgeFor, seatForKind } from '../../electron/main/hall-bridge.ts';
import { planWindows } from '../../electron/main/window-planner.ts';
import { toHallBridge } from '../../electron/preload/bridge-guard.ts';

const ready: HallReady = {
  port: 8620,
  hallId: 'hall-1',
  dataDir: '/tmp/h',
  seats: [
    { id: 'wall-1', role: 'wall', department: 'command', label: '大屏', token: 'wall-token-1' },
    { id: 'cmd-1', role: 'console', department: 'command', label: '指挥长', token: 'console-token-1' },
    { id: 'cmd-2', role: 'console', department: 'command', label: '副指挥长', token: 'console-token-2' },
  ],
};
const display = { id: 9, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1, primary: false };

describe('hall bridge', () => {
  it('signs the hall windows in as the first seat of their kind', () => {
    expect(seatForKind(ready, 'console')).toEqual({ id: 'cmd-1', token: 'console-token-1' });
    expect(seatForKind(ready, 'desk')).toBeUndefined();
  });

  it('builds ws/http endpoints and carries the wall monitor and display', () => {
    const [wall] = planWindows([display], 'wall');
    expect(bridgeFor(wall!, { host: '10.0.0.5', port: 9000 }, { id: 'wall-1', token: 'wall-token-1' })).toEqual({
      role: 'wall', wsUrl: 'ws://10.0.0.5:9000/ws', httpBase: 'http://10.0.0.5:9000', seatId: 'wall-1', token: 'wall-token-1', monitor: 0, displayId: 9,
    });
  });
});

describe('preload bridge guard', () => {
  const good = { role: 'console', wsUrl: 'ws://127.0.0.1:1/ws', httpBase: 'http://127.0.0.1:1', seatId: 's', token: 't', displayId: 1 };

  it('passes a valid bridge and drops any extra field', () => {
    expect(toHallBridge({ ...good, require: 'x', monitor: 0 })).toEqual({ ...good, monitor: 0 });
  });

  it('refuses anything malformed', () => {
    for (const bad of [null, 'x', { ...good, role: 'admin' }, { ...good, token: '' }, { ...good, monitor: -1 }, { ...good, displayId: 1.5 }]) {
      expect(toHallBridge(bad)).toBeNull();
    }
  });
});
