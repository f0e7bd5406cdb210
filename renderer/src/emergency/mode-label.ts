// How a command mode is named on screen: 日常指挥, 联席指挥, 台风Ⅲ级应急响应, 重大活动保障 · 花博会 (English beside).
import type { ModeTarget } from '../../../electron/common/domain/command-mode.ts';
import { HAZARD_LABELS } from '../../../electron/common/cap/cn-profile.ts';
import { responseName } from '../../../electron/common/preplan/plan-model.ts';
import type { Language } from '../i18n/dictionary.ts';

const NAMES = {
  daily: { zh: '日常指挥', en: 'Daily command' },
  joint: { zh: '联席指挥', en: 'Joint command' },
  special: { zh: '重大活动保障', en: 'Special event support' },
} as const;

export function modeLabel(target: ModeTarget, language: Language): string {
  switch (target.mode) {
    case 'emergency':
      return language === 'zh' ? responseName(target.hazard, target.level) : `${HAZARD_LABELS[target.hazard].en} level ${target.level} response`;
    case 'special':
      return `${NAMES.special[language]} · ${target.event}`;
    default:
      return NAMES[target.mode][language];
  }
}
