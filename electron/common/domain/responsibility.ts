// S-4.4 who leads a case, by category (seed 003 「三个坚持」): clear duty → 谁主管谁办理 (the competent department);
// cross-department → 谁牵头谁办理 (the leading department, with the others assisting); unclear or unknown →
// 指定谁谁办理: the commander designates a lead, who then carries first-receiver duty (首接责任). The rules by
// category are the site's (site-config.ts).
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

export function responsibilityFor(category: string, rules: ResponsibilityRules): Responsibility {
  const rule = rules[category];
  if (!rule || rule.duty === 'unclear' || rule.lead === null) {
    return { duty: 'unclear', lead: null, assisting: [], dutyRule: null, principle: PRINCIPLES.unclear };
  }
  const assisting = rule.duty === 'crossDepartment' ? (rule.assisting ?? []).filter((d) => d !== rule.lead) : [];
  return { duty: rule.duty, lead: rule.lead, assisting, dutyRule: rule.duty, principle: PRINCIPLES[rule.duty] };
}
