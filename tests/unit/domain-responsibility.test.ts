import { describe, expect, it } from 'vitest';
import { responsibilityFor as ruled } from '../../electron/common/domain/responsibility.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';
import type { ResponsibilityRules } from '../../electron/common/domain/responsibility.ts';

const responsibilityFor = (category: string, rules: ResponsibilityRules = DEMO_SITE.responsibility) => ruled(category, rules);
const DEMO_FEED_CATEGORIES = ['市容环境', '街面秩序', '噪声扰民', '设施管理', '防汛防台', '园林绿化', '市场监管', '环境保护', '安全隐患'];

describe('responsibilityFor', () => {
  it('the demo site has a rule for every demo feed category', () => {
    for (const category of DEMO_FEED_CATEGORIES) expect(DEMO_SITE.responsibility[category], category).toBeDefined();
  });

  it('clear duty: 谁主管谁办理', () => {
    expect(responsibilityFor('市场监管')).toEqual({ duty: 'clear', lead: 'market', assisting: [], dutyRule: 'clear', principle: '谁主管谁办理' });
    expect(responsibilityFor('市容环境')).toMatchObject({ lead: 'urban', dutyRule: 'clear' });
  });

  it('cross-department: 谁牵头谁办理, the others assist', () => {
    expect(responsibilityFor('街面秩序')).toEqual({
      duty: 'crossDepartment', lead: 'urban', assisting: ['police'], dutyRule: 'crossDepartment', principle: '谁牵头谁办理',
    });
    expect(responsibilityFor('防汛防台')).toMatchObject({ lead: 'water', assisting: ['urban', 'police'] });
  });

  it('unclear or unknown: the commander designates (首接责任)', () => {
    const unclear = { duty: 'unclear', lead: null, assisting: [], dutyRule: null, principle: '指定谁谁办理（首接责任）' };
    expect(responsibilityFor('安全隐患')).toEqual(unclear);
    expect(responsibilityFor('外星人入侵')).toEqual(unclear);
  });

  it('follows custom rules; a clear duty has no assisting, a lead never assists itself', () => {
    const rules: ResponsibilityRules = {
      a: { duty: 'clear', lead: 'police', assisting: ['urban'] },
      b: { duty: 'crossDepartment', lead: 'police', assisting: ['police', 'market'] },
      c: { duty: 'crossDepartment', lead: null },
    };
    expect(responsibilityFor('a', rules)).toMatchObject({ lead: 'police', assisting: [] });
    expect(responsibilityFor('b', rules)).toMatchObject({ lead: 'police', assisting: ['market'] });
    expect(responsibilityFor('c', rules)).toMatchObject({ duty: 'unclear', lead: null });
    expect(responsibilityFor('市场监管', rules).duty).toBe('unclear');
  });
});
