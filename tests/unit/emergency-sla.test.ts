// The SLA clocks of the emergency case categories (倒伏树木, 积水, 高空坠物 …, S-6.5) from the demo street's site:
// their own on-scene and result limits, shorter than their grade's, counted from registration; other
// categories keep their grade's clocks; a site file that gives a clock to a daily category, or none to an
// emergency one, is refused by name.
import { describe, expect, it } from 'vitest';
import { MINUTE, beijing } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { slaPolicyFor, slaStatus } from '../../electron/common/domain/sla.ts';
import { SiteConfig } from '../../electron/common/site/site-config.ts';
import { describeIssues } from '../../electron/common/protocol.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';

const POLICY = slaPolicyFor(DEMO_SITE.site);
const AT = beijing('2026-09-16', '03:00');

function registered(category: string, urgency: string, extra: Partial<CaseView> = {}): CaseView {
  const view = newCase({ title: category, description: '', source: 'hotline12345', urgency, category, address: '', gridId: 'M056' }, { id: 'c1', no: 1, at: AT - MINUTE, seat: null });
  return { ...view, state: 'registered', registeredAt: AT, ...extra };
}
const clockAt = (view: CaseView, now: number) => {
  const s = slaStatus(view, now, POLICY);
  return s.clock === null ? null : { clock: s.clock, level: s.level, deadline: s.deadline };
};

describe('emergency categories run their own clocks', () => {
  it('高空坠物: on scene within 10 min (yellow with 5 left), a result within 45 min, although its grade allows 15 and 60', () => {
    const view = registered('高空坠物', 'urgent');
    expect(clockAt(view, AT)).toEqual({ clock: 'onScene', level: 'normal', deadline: AT + 10 * MINUTE });
    expect(clockAt(view, AT + 5 * MINUTE)?.level).toBe('nearDue');
    expect(clockAt(view, AT + 10 * MINUTE + 1)?.level).toBe('overdue');
    const arrived = { ...view, state: 'onScene' as const, onSceneAt: AT + 8 * MINUTE };
    expect(clockAt(arrived, AT + 30 * MINUTE)).toEqual({ clock: 'result', level: 'normal', deadline: AT + 45 * MINUTE });
    expect(clockAt(arrived, AT + 36 * MINUTE)?.level).toBe('nearDue');
    expect(clockAt(arrived, AT + 46 * MINUTE)?.level).toBe('overdue');
  });

  it('漏雨, graded 较急 (60 and 240 min), is due on scene in 30 min and a result in 3 h', () => {
    const view = registered('漏雨', 'major');
    expect(clockAt(view, AT)).toEqual({ clock: 'onScene', level: 'normal', deadline: AT + 30 * MINUTE });
    expect(clockAt({ ...view, onSceneAt: AT + 20 * MINUTE }, AT + 21 * MINUTE)).toMatchObject({ clock: 'result', deadline: AT + 180 * MINUTE });
  });

  it('the clock stops at the result like any case, then the due clock runs', () => {
    const view = registered('积水', 'urgent', { onSceneAt: AT + 10 * MINUTE, handledAt: AT + 50 * MINUTE, state: 'handled' });
    expect(clockAt(view, AT + 55 * MINUTE)?.clock).toBe('due');
  });

  it('other categories keep their grade\'s clocks', () => {
    expect(clockAt(registered('防汛防台', 'urgent'), AT)).toMatchObject({ clock: 'onScene', deadline: AT + 15 * MINUTE });
    expect(clockAt(registered('市容环境', 'general'), AT)?.clock).toBe('due');
  });
});

describe('the site file', () => {
  const base = () => JSON.parse(JSON.stringify(DEMO_SITE.site)) as Record<string, unknown> & { categories: Array<Record<string, unknown>> };
  const problem = (site: unknown) => {
    const parsed = SiteConfig.safeParse(site);
    return parsed.success ? null : describeIssues(parsed.error);
  };

  it('refuses a daily category with a clock of its own, an emergency one without, and a result before arrival', () => {
    const daily = base();
    daily.categories[0] = { ...daily.categories[0], onSceneMin: 10, resultMin: 30 };
    expect(problem(daily)).toContain('市容环境: only an emergency category has its own clock');
    const bare = base();
    bare.categories.push({ name: '内涝', duty: 'clear', lead: 'water', emergency: true });
    expect(problem(bare)).toContain('内涝: an emergency category needs onSceneMin and resultMin');
    const backwards = base();
    backwards.categories.push({ name: '内涝', duty: 'clear', lead: 'water', emergency: true, onSceneMin: 60, resultMin: 30 });
    expect(problem(backwards)).toContain('内涝: on scene after the result');
  });

  it('names the emergency categories intake offers first in emergency command', () => {
    expect(DEMO_SITE.emergencyCategories().map((c) => c.name)).toEqual(['倒伏树木', '积水', '漏雨', '高空坠物', '广告牌松动']);
  });
});
