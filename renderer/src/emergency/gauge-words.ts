// How a gauge's kind, unit, value and trend are said on every screen.
import { unitOf, type GaugeKind, type GaugeTrend } from '../../../electron/common/emergency/gauge-model.ts';
import type { MessageKey } from '../i18n/dictionary.ts';

export const KIND_WORD: Readonly<Record<GaugeKind, MessageKey>> = { tide: 'gaugeKindTide', river: 'gaugeKindRiver', rain: 'gaugeKindRain' };
export const TREND: Readonly<Record<GaugeTrend, { glyph: string; word: MessageKey }>> = {
  rising: { glyph: '↑', word: 'gaugeRising' }, falling: { glyph: '↓', word: 'gaugeFalling' }, steady: { glyph: '→', word: 'gaugeSteady' },
};

/** Levels to the centimetre, rain to the tenth of a millimetre, with the unit. */
export const gaugeValue = (kind: GaugeKind, value: number) => `${value.toFixed(kind === 'rain' ? 1 : 2)} ${unitOf(kind)}`;
