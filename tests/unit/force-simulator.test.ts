import { describe, expect, it } from 'vitest';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import { greatCircleM } from '../../electron/common/domain/great-circle.ts';
import type { ForceView } from '../../electron/common/protocol.ts';
import { createRng } from '../../electron/common/prng.ts';
import { stepForces, type SimulatedForce } from '../../electron/hall/demo/force-simulator.ts';

const home = { lon: 121.23, lat: 31.0 };
const force = (id: string, status: ForceView['status']): ForceView => ({
  id, name: '张三', department: 'urban', gridId: 'M001', kind: 'patrol', shift: 'allDay', phone: '', device: '', status, position: home, positionAt: 0,
});
const scene = newCase({ title: '占道经营', description: '', source: 'patrol', urgency: 'urgent', category: '街面秩序', address: '', location: { lon: 121.235, lat: 31.0 } }, { id: 'c1', no: 1, at: 0, seat: null });

describe('demo force movement', () => {
  it('rides to the case it was sent to at about 4 m/s and stays there', () => {
    const f: SimulatedForce = { force: force('CG-001', 'enRoute'), home, at: home };
    const distance = greatCircleM(home, scene.location!);
    const rand = createRng(1).next;
    stepForces([f], () => scene, rand, 1000, 10_000);
    expect(greatCircleM(f.at, home)).toBeCloseTo(40, 0);
    for (let t = 0; t < Math.ceil(distance / 40) + 1; t++) stepForces([f], () => scene, rand, t, 10_000);
    expect(f.at).toEqual(scene.location);
    expect(stepForces([f], () => scene, rand, 1, 10_000)).toEqual([]);
  });

  it('keeps a patrol near its post and an off-duty force still', () => {
    const patrol: SimulatedForce = { force: force('CG-002', 'available'), home, at: home };
    const off: SimulatedForce = { force: force('CG-003', 'offDuty'), home, at: home };
    const rand = createRng(7).next;
    let farthest = 0;
    for (let t = 0; t < 2000; t++) {
      stepForces([patrol, off], () => undefined, rand, t, 1000);
      farthest = Math.max(farthest, greatCircleM(patrol.at, home));
    }
    expect(farthest).toBeGreaterThan(20);
    expect(farthest).toBeLessThan(160);
    expect(off.at).toEqual(home);
  });
});
