// The console's mode switch form as data (renderer/src/emergency/mode-form.ts) and the names of modes on screen.
import { describe, expect, it } from 'vitest';
import { FIRST_CHOICE, switchOf, targetOf } from '../../renderer/src/emergency/mode-form.ts';
import { modeLabel } from '../../renderer/src/emergency/mode-label.ts';

describe('the mode switch form', () => {
  it('sends the target picked with its reason and drill mark, and names what is missing', () => {
    expect(switchOf({ ...FIRST_CHOICE, level: 'III', reason: '  台风黄色预警 ' })).toEqual({ ok: true, to: { target: { mode: 'emergency', hazard: 'typhoon', level: 'III' }, reason: '台风黄色预警', drill: false } });
    expect(switchOf({ ...FIRST_CHOICE, reason: ' ' })).toEqual({ ok: false, missing: 'modeReasonNeeded' });
    expect(switchOf({ ...FIRST_CHOICE, mode: 'special', event: '', reason: '花博会' })).toEqual({ ok: false, missing: 'modeEventNeeded' });
    expect(switchOf({ ...FIRST_CHOICE, mode: 'special', event: ' 花博会 ', reason: '保障', drill: true })).toMatchObject({ ok: true, to: { target: { mode: 'special', event: '花博会' }, drill: true } });
    // Hazard and level belong to emergency only.
    expect(targetOf({ ...FIRST_CHOICE, mode: 'joint' })).toEqual({ mode: 'joint' });
    expect(targetOf({ ...FIRST_CHOICE, mode: 'daily' })).toEqual({ mode: 'daily' });
  });

  it('names each mode in Chinese and English', () => {
    expect(modeLabel({ mode: 'emergency', hazard: 'typhoon', level: 'III' }, 'zh')).toBe('台风Ⅲ级应急响应');
    expect(modeLabel({ mode: 'emergency', hazard: 'rainstorm', level: 'I' }, 'en')).toBe('Rainstorm level I response');
    expect(modeLabel({ mode: 'special', event: '花博会' }, 'zh')).toBe('重大活动保障 · 花博会');
    expect(modeLabel({ mode: 'daily' }, 'zh')).toBe('日常指挥');
    expect(modeLabel({ mode: 'joint' }, 'en')).toBe('Joint command');
  });
});
