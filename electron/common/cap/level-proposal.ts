// What a warning proposes to the commander (S-6.4): the response level for a flood-and-typhoon hazard (防汛防台)
// when the warning covers the street. It only proposes: switching the command mode stays the commander's act,
// confirmed and with a reason (S-6.2). A Cancel proposes no level; it says which warnings it cancels.
import { z } from 'zod';
import { CapReference, capTimeMs } from './cap-model.ts';
import { HAZARD_LABELS, WarningLevel, type Hazard } from './cn-profile.ts';
import type { WarningSummary } from './warning-summary.ts';

/** The hazards the hall has pre-plans and emergency command for (S-6.1, S-6.3, S-6.4). */
export const PlannedHazard = z.enum(['typhoon', 'rainstorm', 'flood', 'highTide']);
export type PlannedHazard = z.infer<typeof PlannedHazard>;

export const LevelProposal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('level'),
    hazard: PlannedHazard,
    level: WarningLevel,
    /** The identifier of the warning that proposes. */
    warning: z.string(),
    /** What an Update replaces; empty for an Alert. */
    supersedes: z.array(CapReference),
    message: z.string(),
  }),
  z.object({ kind: z.literal('cancel'), warning: z.string(), cancels: z.array(CapReference), message: z.string() }),
]);
export type LevelProposal = z.infer<typeof LevelProposal>;

export const LEVEL_COLOR: Readonly<Record<WarningLevel, { zh: string; en: string }>> = {
  IV: { zh: '蓝色', en: 'blue' },
  III: { zh: '黄色', en: 'yellow' },
  II: { zh: '橙色', en: 'orange' },
  I: { zh: '红色', en: 'red' },
};

/**
 * The proposal of one warning, or null: only Actual alerts propose (Exercise, Test, System and Draft never do),
 * an Alert or Update only when it covers the street, names a planned hazard and a level, and (given `now`) has
 * not expired. A Cancel answers whether or not it covers the street: the warnings it lifts may have. Ack and
 * Error messages propose nothing.
 */
export function proposeLevel(summary: WarningSummary, covers: boolean, now?: number): LevelProposal | null {
  if (summary.status !== 'Actual') return null;
  const label = summary.headline ?? summary.event ?? summary.identifier;
  if (summary.msgType === 'Cancel') {
    const ids = summary.references.map((r) => r.identifier);
    return {
      kind: 'cancel', warning: summary.identifier, cancels: summary.references,
      message: `${label}:解除 ${ids.join('、')} / ${summary.identifier} cancels ${ids.join(', ')}`,
    };
  }
  if (summary.msgType !== 'Alert' && summary.msgType !== 'Update') return null;
  if (!covers || summary.level === null || !isPlanned(summary.hazard)) return null;
  if (now !== undefined && summary.expires !== null && capTimeMs(summary.expires) <= now) return null;
  const { zh, en } = LEVEL_COLOR[summary.level];
  return {
    kind: 'level', hazard: summary.hazard, level: summary.level, warning: summary.identifier,
    supersedes: summary.msgType === 'Update' ? summary.references : [],
    message: `${label} 覆盖本街道:建议启动${HAZARD_LABELS[summary.hazard].zh} ${summary.level} 级(${zh})响应,由指挥长确认 / ` +
      `covers the street: proposes ${summary.hazard} response level ${summary.level} (${en}); the commander decides`,
  };
}

function isPlanned(hazard: Hazard | null): hazard is PlannedHazard {
  return PlannedHazard.safeParse(hazard).success;
}
