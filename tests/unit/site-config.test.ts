// The site configuration: the demo street's is valid and says what seed 000 says; a bad one is refused with a
// reason that names the field; the rules built from it label, order and classify as the site says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, slaPolicyFor, slaStatus } from '../../electron/common/domain/sla.ts';
import { HOUR, MINUTE, beijing } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import { applyAct } from '../../electron/common/domain/case-lifecycle.ts';
import { describeIssues } from '../../electron/common/protocol.ts';
import { kpiRulesFor, urgentArrival15m } from '../../electron/common/kpi/kpi-definitions.ts';
import { SiteConfig, siteRules } from '../../electron/common/site/site-config.ts';
import { REPO } from '../helpers/hall-process.ts';

const demo = JSON.parse(readFileSync(join(REPO, 'resources/demo-street/site.json'), 'utf8')) as Record<string, unknown> & SiteConfig;
const refusal = (changed: object) => {
  const parsed = SiteConfig.safeParse({ ...demo, ...changed });
  return parsed.success ? 'accepted' : describeIssues(parsed.error);
};

describe('site configuration', () => {
  it('the demo street has seed 000\'s departments and four grades handled at the four grid levels', () => {
    const site = SiteConfig.parse(demo);
    const names = site.departments.map((d) => d.zh);
    for (const name of ['派出所', '城管中队', '市场监管所', '平安办', '网格中心', '房管所', '绿化市容', '水务所', '安监所']) expect(names).toContain(name);
    expect(site.urgencies.map((u) => [u.id, u.tier])).toEqual([['urgent', 'street'], ['major', 'zone'], ['general', 'small'], ['minor', 'micro']]);
    const rules = siteRules(site);
    expect(rules.isUrgent('urgent')).toBe(true);
    expect(rules.isUrgent('major')).toBe(false);
    expect(rules.urgencyRank('urgent')).toBeLessThan(rules.urgencyRank('minor'));
    expect(rules.urgencyRank('unknown')).toBe(4);
    expect(rules.department('water').zh).toBe('水务所');
    expect(rules.department('nowhere')).toEqual({ zh: 'nowhere', en: 'nowhere' });
    expect(rules.responsibility['防汛防台']).toMatchObject({ lead: 'water', assisting: ['urban', 'police'] });
    expect(rules.urgencyFor('安全隐患')).toBe('urgent');
    expect(rules.urgencyFor('外星人入侵')).toBe('general');
  });

  it.each([
    [{ departments: [{ id: 'police', zh: '派出所', en: 'Police' }, { id: 'urban', zh: '城管', en: 'Urban' }] }, /the centre itself \(id "command"\) is missing/],
    [{ departments: [...demo.departments, { id: 'police', zh: '又一个', en: 'Again' }] }, new RegExp(`departments.${demo.departments.length}: police appears twice`)],
    [{ departments: [...demo.departments, { id: 'Water Office', zh: '水', en: 'W' }] }, /a department id is a short latin word/],
    [{ defaultUrgency: 'soon' }, /defaultUrgency: no urgency grade soon/],
    [{ urgencies: [{ id: 'urgent', zh: '紧急', en: 'Urgent', tier: 'street', urgent: true }] }, /urgent grade urgent needs onSceneMin and resultMin/],
    [{ urgencies: [{ id: 'urgent', zh: '紧急', en: 'U', tier: 'street', urgent: true, onSceneMin: 90, resultMin: 60 }], defaultUrgency: 'urgent', categories: [] }, /on scene after the result/],
    [{ categories: [{ name: '防汛防台', duty: 'clear', lead: 'navy' }] }, /防汛防台: no department navy/],
    [{ categories: [{ name: '群租', duty: 'crossDepartment', lead: 'housing', assisting: ['housing'] }] }, /the lead cannot also assist/],
    [{ categories: [{ name: '市容环境', duty: 'clear' }] }, /a clear duty needs a lead/],
    [{ categories: [{ name: '市容环境', duty: 'clear', lead: 'urban', urgency: 'later' }] }, /no urgency grade later/],
    [{ colour: 'blue' }, /Unrecognized key/],
  ])('refuses %j naming the problem', (changed, reason) => {
    expect(refusal(changed)).toMatch(reason);
  });

  it('makes the SLA clocks and urgent KPIs of its grades', () => {
    const policy = slaPolicyFor(SiteConfig.parse(demo));
    const at = beijing('2026-11-23', '10:00');
    const registered = (urgency: string) =>
      applyAct(newCase({ title: 't', description: '', source: 'patrol', urgency, category: '市容环境', address: '' }, { id: `c-${urgency}`, no: 1, at, seat: null }), { action: 'register' }, 'registered', at);
    expect(slaStatus(registered('urgent'), at, policy)).toMatchObject({ clock: 'onScene', deadline: at + 15 * MINUTE });
    // 较急: its own limits, one hour on scene and four for a result.
    expect(slaStatus(registered('major'), at, policy)).toMatchObject({ clock: 'onScene', deadline: at + HOUR });
    expect(slaStatus({ ...registered('major'), onSceneAt: at + 1 }, at, policy)).toMatchObject({ clock: 'result', deadline: at + 4 * HOUR });
    // 轻微: seven working days (S-4.5: 1–3 days of self-governance, then 4 more); 一般: the default three.
    expect(slaStatus(registered('minor'), at, policy)).toMatchObject({ clock: 'due', deadline: beijing('2026-12-02', '10:00') });
    expect(slaStatus(registered('general'), at, policy)).toMatchObject({ clock: 'due', deadline: beijing('2026-11-26', '10:00') });
    // Seed 001's two classes know nothing of 较急: it runs the default due clock there.
    expect(slaStatus(registered('major'), at, DEFAULT_SLA_POLICY)).toMatchObject({ clock: 'due' });
    // Only 紧急类 grades are in the urgent figures.
    const day = { from: beijing('2026-11-23', '00:00'), to: beijing('2026-11-24', '00:00') };
    const arrived = (urgency: string) => ({ ...registered(urgency), id: `a-${urgency}`, onSceneAt: at + 10 * MINUTE });
    expect(urgentArrival15m([arrived('urgent'), arrived('major')], day, at + HOUR, kpiRulesFor(SiteConfig.parse(demo)))).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('the leaders in charge (分管领导, S-4.7 抄报)', () => {
  it('are the site\'s: copies go to the leader over the category\'s lead department', () => {
    const rules = siteRules(SiteConfig.parse(demo));
    expect(rules.leaderFor('群租')?.name).toBe('李明');
    expect(rules.leaderFor('市容环境')?.name).toBe('陈晓燕');
    expect(rules.leaderFor('安全隐患'), 'no lead, no leader').toBeUndefined();
    expect(rules.leader('leader-safety')?.title).toMatch(/平安建设/);
    expect(SiteConfig.parse({ ...demo, leaders: undefined }).leaders, 'a site may name none').toEqual([]);
  });

  it('are refused naming a department the site lacks, twice the same id, or no department', () => {
    const leader = { id: 'leader-x', name: '王五', title: '副主任', departments: ['urban'] };
    expect(refusal({ leaders: [{ ...leader, departments: ['nowhere'] }] })).toBe('leaders.0.departments.0: 王五: no department nowhere');
    expect(refusal({ leaders: [leader, leader] })).toBe('leaders.1: leader-x appears twice');
    expect(refusal({ leaders: [{ ...leader, departments: [] }] })).toMatch(/^leaders\.0\.departments: /);
    expect(refusal({ leaders: [{ ...leader, name: '' }] })).toMatch(/^leaders\.0\.name: /);
  });
});
