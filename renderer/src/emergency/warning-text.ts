// A held warning in the console's words: its title, sender, area, level colour and the proposal it makes.
import { LEVEL_COLOURS } from '../../../electron/common/domain/command-mode.ts';
import { HAZARD_LABELS } from '../../../electron/common/cap/cn-profile.ts';
import { LEVEL_COLOR, proposeLevel, type LevelProposal } from '../../../electron/common/cap/level-proposal.ts';
import type { WarningView } from '../../../electron/common/cap/warning-model.ts';
import type { Language } from '../i18n/dictionary.ts';

export const warningTitle = (w: WarningView): string => w.summary.headline ?? w.summary.event ?? w.summary.identifier;
export const warningSender = (w: WarningView): string => w.summary.senderName ?? w.summary.sender;
export const warningArea = (w: WarningView): string => [...new Set(w.summary.areas.map((a) => a.description))].join('、') || '—';
/** The national colour of its level (blue … red), or null when it names none. */
export const warningColour = (w: WarningView) => (w.summary.level ? LEVEL_COLOURS[w.summary.level] : null);

export const levelWords = (w: WarningView, lang: Language): string | null =>
  w.summary.level && (lang === 'zh' ? `${LEVEL_COLOR[w.summary.level].zh}预警（${w.summary.level}级）` : `${LEVEL_COLOR[w.summary.level].en} (level ${w.summary.level})`);

/** The level it proposes at `now`: only for one covering the street, with a planned hazard and a level. */
export const proposalOf = (w: WarningView, now: number): Extract<LevelProposal, { kind: 'level' }> | null => {
  const proposal = proposeLevel(w.summary, w.covers, now);
  return proposal?.kind === 'level' ? proposal : null;
};

export const responseWords = (p: Extract<LevelProposal, { kind: 'level' }>, lang: Language): string =>
  lang === 'zh' ? `${HAZARD_LABELS[p.hazard].zh} ${p.level} 级（${LEVEL_COLOR[p.level].zh}）应急响应` : `${HAZARD_LABELS[p.hazard].en} response level ${p.level} (${LEVEL_COLOR[p.level].en})`;
