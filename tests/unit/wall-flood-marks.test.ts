// The wall map's flood layer as data (renderer/src/wall/flood-marks.ts): a point ponding or closed gets its mark,
// one normal or not reported keeps the base map's; every pump shows by its status (not reported: stopped); an open
// shelter is marked, a full one as full, a closed or unreported one not at all.
import { describe, expect, it } from 'vitest';
import { floodMarks } from '../../renderer/src/wall/flood-marks.ts';

const at = { lon: 121.23, lat: 31.0 };
const stamp = { at: 0, seat: null };
const places = {
  floodPoints: ['JS-01', 'JS-02', 'JS-03', 'JS-04'].map((id) => ({ id, ...at })),
  pumps: ['PS-01', 'PS-02', 'PS-03', 'PS-04'].map((id) => ({ id, ...at })),
  shelters: [{ id: 'BN-01', capacity: 1200, ...at }, { id: 'BN-02', capacity: 2000, ...at }, { id: 'BN-03', capacity: 3000, ...at }, { id: 'BN-04', capacity: 500, ...at }],
};

describe('flood marks', () => {
  it('follow what was reported', () => {
    const marks = floodMarks(places, {
      floodPoints: [
        { pointId: 'JS-01', status: 'ponding', depthCm: 25, ...stamp },
        { pointId: 'JS-02', status: 'closed', depthCm: 45, ...stamp },
        { pointId: 'JS-03', status: 'normal', depthCm: null, ...stamp },
      ],
      pumps: [{ pumpId: 'PS-01', status: 'running', ...stamp }, { pumpId: 'PS-02', status: 'fault', ...stamp }, { pumpId: 'PS-03', status: 'stopped', ...stamp }],
      shelters: [
        { shelterId: 'BN-01', open: true, occupancy: 300, ...stamp },
        { shelterId: 'BN-02', open: true, occupancy: 2000, ...stamp },
        { shelterId: 'BN-03', open: false, occupancy: 0, ...stamp },
      ],
    });
    expect(marks.map((m) => `${m.id}:${m.look}`)).toEqual([
      'JS-01:ponding', 'JS-02:closed',
      'PS-01:pumpRunning', 'PS-02:pumpFault', 'PS-03:pumpStopped', 'PS-04:pumpStopped',
      'BN-01:shelterOpen', 'BN-02:shelterFull',
    ]);
  });

  it('show only the pumps before anything is reported', () => {
    expect(floodMarks(places, { floodPoints: [], pumps: [], shelters: [] }).map((m) => m.look)).toEqual(Array(4).fill('pumpStopped'));
  });
});
