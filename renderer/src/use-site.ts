// The site the hall runs with (its departments, urgency grades and categories: common/site/site-config.ts), as
// the hall sends it in its welcome, with what views ask of it: names in the chosen language, the SLA policy
// and the KPI rules its grades make.
import { useMemo } from 'react';
import { slaPolicyFor, type SlaPolicy } from '../../electron/common/domain/sla.ts';
import { kpiRulesFor, type KpiRules } from '../../electron/common/kpi/kpi-definitions.ts';
import { siteRules, type SiteConfig, type SiteRules } from '../../electron/common/site/site-config.ts';
import { useHallState } from './hall-context.tsx';
import { useLanguage } from './i18n/language.tsx';

export interface SiteView extends SiteRules {
  policy: SlaPolicy;
  kpiRules: KpiRules;
  departmentName(id: string): string;
  urgencyName(id: string): string;
}

/** Until the hall's welcome: nothing to offer but the centre itself and one grade (no case is shown yet). */
const AWAITING: SiteConfig = {
  name: '城运中心',
  departments: [{ id: 'command', zh: '城运中心', en: 'Operations centre', desk: false }],
  urgencies: [{ id: 'general', zh: '一般', en: 'General', tier: 'micro', urgent: false, onSceneMin: null, resultMin: null }],
  defaultUrgency: 'general',
  categories: [],
  leaders: [],
  gauges: [],
  pumps: [],
};

export function siteView(site: SiteConfig, language: 'zh' | 'en'): SiteView {
  const rules = siteRules(site);
  return {
    ...rules,
    policy: slaPolicyFor(site),
    kpiRules: kpiRulesFor(site),
    departmentName: (id) => rules.department(id)[language],
    urgencyName: (id) => rules.urgencyLabel(id)[language],
  };
}

export function useSite(): SiteView {
  const { site } = useHallState();
  const { language } = useLanguage();
  return useMemo(() => siteView(site ?? AWAITING, language), [site, language]);
}
