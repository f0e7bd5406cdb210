// S-6.2 the emergency command as data: which switch hands command over, how the site's posts are named from the
// map's stations, what the site file may not name, and how every screen folds the handover into the mode.
import { describe, expect, it } from 'vitest';
import { DAILY_MODE, type ModeState } from '../../electron/common/domain/command-mode.ts';
import { commandTransfer, resolveEmergencyRoster, type EmergencyCommand } from '../../electron/common/domain/emergency-command.ts';
import type { PointFeature } from '../../electron/common/geo/layer-schema.ts';
import { applyHallEvent, emptyHallState } from '../../electron/common/hall-state.ts';
import { WALL_PRESETS, type HallEvent } from '../../electron/common/protocol.ts';
import { SiteConfig } from '../../electron/common/site/site-config.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';

const person = (name: string, title: string) => ({ name, title, seat: null, phone: '021-57781003' });
const ROSTER = { commander: person('陈晓燕', '副主任'), deputy: person('钱卫国', '水务所所长'), desks: ['water'], posts: ['GZ-01'] };
const COMMAND: EmergencyCommand = { ...ROSTER, posts: [{ station: 'GZ-01', name: '谷阳居委工作站', chief: '胡平' }] };
const station: PointFeature = {
  type: 'Feature', geometry: { type: 'Point', coordinates: [121.23, 31.01] },
  properties: { id: 'GZ-01', kind: 'station', name: '谷阳居委工作站', gridId: 'S01', gridChief: '胡平', deputyChief: '金永明', unitHead: '王德明' },
};
const typhoon = (level: 'III' | 'II') => ({ target: { mode: 'emergency' as const, hazard: 'typhoon' as const, level }, reason: '预警', drill: false });
const inEmergency: ModeState = { ...typhoon('III'), since: 1, seq: 1, command: COMMAND };

describe('commandTransfer', () => {
  it('hands command to the emergency command into emergency, back to the roster out of it, and nothing within', () => {
    expect(commandTransfer(DAILY_MODE, typhoon('III'), COMMAND)).toEqual({ to: 'emergency', command: COMMAND });
    expect(commandTransfer(inEmergency, typhoon('II'), COMMAND)).toBeNull();
    expect(commandTransfer(inEmergency, { target: { mode: 'daily' }, reason: '解除', drill: false }, COMMAND)).toEqual({ to: 'roster' });
    expect(commandTransfer(inEmergency, { target: { mode: 'special', event: '花博会' }, reason: '保障', drill: false }, COMMAND)).toEqual({ to: 'roster' });
    expect(commandTransfer(DAILY_MODE, { target: { mode: 'joint' }, reason: '联席', drill: false }, COMMAND)).toBeNull();
    // A site without an emergency command: the duty roster commands throughout.
    expect(commandTransfer(DAILY_MODE, typhoon('III'), null)).toBeNull();
  });
});

describe('the site file', () => {
  it('names posts by the map\'s stations and refuses a post or desk it does not have', () => {
    expect(resolveEmergencyRoster(ROSTER, [station])).toEqual({ command: COMMAND });
    expect(resolveEmergencyRoster({ ...ROSTER, posts: ['GZ-99'] }, [station])).toEqual({ problem: expect.stringMatching(/no station GZ-99/) });
    const parsed = SiteConfig.safeParse({ ...DEMO_SITE.site, emergency: { ...ROSTER, desks: ['navy'] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['emergency', 'desks', 0], message: 'no department navy' });
    expect(SiteConfig.safeParse({ ...DEMO_SITE.site, emergency: { ...ROSTER, desks: [] } }).success).toBe(false);
  });
});

describe('the fold', () => {
  it('puts the emergency command into the mode, keeps it through a change of level and drops it on the way back', () => {
    const state = emptyHallState();
    let seq = 0;
    const fold = (type: 'mode.switched' | 'command.transferred', payload: object) =>
      applyHallEvent(state, { type, seq: ++seq, at: seq * 1000, origin: 'hall', seat: 'console-1', payload } as HallEvent);
    fold('mode.switched', { ...typhoon('III'), layout: WALL_PRESETS.emergency });
    expect(fold('command.transferred', { to: 'emergency', command: COMMAND }).mode?.command).toEqual(COMMAND);
    fold('mode.switched', { ...typhoon('II'), layout: WALL_PRESETS.emergency });
    expect(state.mode).toMatchObject({ target: { level: 'II' }, since: 3000, command: COMMAND });
    fold('mode.switched', { target: { mode: 'daily' }, reason: '解除', drill: false, layout: WALL_PRESETS.daily });
    expect(fold('command.transferred', { to: 'roster' }).mode).toEqual({ target: { mode: 'daily' }, reason: '解除', drill: false, since: 4000, seq: 4 });
  });
});
