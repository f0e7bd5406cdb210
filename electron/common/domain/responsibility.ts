// S-4.4 who leads a case, by category (seed 003 「三个坚持」): clear duty → 谁主管谁办理 (the competent department);
// cross-department → 谁牵头谁办理 (the leading department, with the others assisting); unclear or unknown →
// 指定谁谁办理: the commander designates a lead, who then carries first-receiver duty (首接责任).
import type { Department, DutyRule } from './case-model.ts';

export type Duty = 'clear' | 'crossDepartment' | 'unclear';

export interface ResponsibilityRule { duty: Duty; lead: Department | null; assisting?: readonly Department[] }
export type ResponsibilityRules = Readonly<Record<string, ResponsibilityRule>>;

export interface Responsibility {
  duty: Duty;
  /** Null when the commander must designate one. */
  lead: Department | null;
  assisting: Department[];
  /** What a dispatch records (`designated` comes only from the commander's designation). */
  dutyRule: DutyRule | null;
  principle: string;
}

const PRINCIPLES: Readonly<Record<Duty, string>> = {
  clear: '谁主管谁办理',
  crossDepartment: '谁牵头谁办理',
  unclear: '指定谁谁办理（首接责任）',
};

/** Demo rules for the demo feed's categories (and a few more common ones). */
export const DEMO_RESPONSIBILITY_RULES: ResponsibilityRules = {
  市容环境: { duty: 'clear', lead: 'urban' },
  违法建筑: { duty: 'clear', lead: 'urban' },
  设施管理: { duty: 'clear', lead: 'other' },
  园林绿化: { duty: 'clear', lead: 'other' },
  市场监管: { duty: 'clear', lead: 'market' },
  治安防控: { duty: 'clear', lead: 'police' },
  // 街面 「2+X」 联勤: city order by urban management, traffic and public order by the police.
  街面秩序: { duty: 'crossDepartment', lead: 'urban', assisting: ['police'] },
  // Social noise is for the police, construction noise for urban management.
  噪声扰民: { duty: 'crossDepartment', lead: 'police', assisting: ['urban'] },
  // 水务 leads flood control; urban management and the police clear and guard the streets.
  防汛防台: { duty: 'crossDepartment', lead: 'other', assisting: ['urban', 'police'] },
  环境保护: { duty: 'crossDepartment', lead: 'other', assisting: ['urban', 'market'] },
  群租: { duty: 'crossDepartment', lead: 'other', assisting: ['police', 'urban'] },
  // A loose billboard or a cracked wall may be anyone's: the commander designates.
  安全隐患: { duty: 'unclear', lead: null },
};

export function responsibilityFor(category: string, rules: ResponsibilityRules = DEMO_RESPONSIBILITY_RULES): Responsibility {
  const rule = rules[category];
  if (!rule || rule.duty === 'unclear' || rule.lead === null) {
    return { duty: 'unclear', lead: null, assisting: [], dutyRule: null, principle: PRINCIPLES.unclear };
  }
  const assisting = rule.duty === 'crossDepartment' ? (rule.assisting ?? []).filter((d) => d !== rule.lead) : [];
  return { duty: rule.duty, lead: rule.lead, assisting, dutyRule: rule.duty, principle: PRINCIPLES[rule.duty] };
}
