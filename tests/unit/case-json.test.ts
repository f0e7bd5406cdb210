// Compact case JSON: what is left out comes back exactly, through the zod schema (clients) and expandCase (hall).
import { describe, expect, it } from 'vitest';
import { CASE_DEFAULTS, compactCaseJson, expandCase } from '../../electron/common/case-json.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import { applyAct } from '../../electron/common/domain/case-lifecycle.ts';
import { CaseView } from '../../electron/common/domain/case-model.ts';

const fresh = newCase(
  { title: '道路积水', description: '', source: 'hotline12345', urgency: 'general', category: '防汛防台', address: '荣乐东路 100 号', location: { lon: 121.23, lat: 31 }, gridId: 'M001' },
  { id: 'c-1', no: 1, at: 1_796_000_000_000, seat: null },
);
const worked = applyAct(applyAct(fresh, { action: 'register' }, 'registered', 1_796_000_060_000),
  { action: 'dispatch', lead: 'urban', assisting: ['police'], forces: ['CG-001'], dutyRule: 'crossDepartment' }, 'dispatched', 1_796_000_120_000);

describe('compact case JSON', () => {
  it('names every defaulted field of the schema with the schema\'s own default', () => {
    const bare = CaseView.parse({ title: 't', source: 'qr', urgency: 'general', category: 'c', id: 'x', no: 1, state: 'reported', createdAt: 0, updatedAt: 0, createdBySeat: null });
    const defaulted = Object.fromEntries(Object.entries(bare).filter(([k]) => !['title', 'source', 'urgency', 'category', 'id', 'no', 'state', 'createdAt', 'updatedAt', 'createdBySeat'].includes(k)));
    expect({ ...CASE_DEFAULTS }).toEqual(defaulted);
  });

  it('leaves the defaults out and gets them back, for a new case and a worked one', () => {
    for (const view of [fresh, worked]) {
      const json = compactCaseJson(view);
      expect(json.length).toBeLessThan(JSON.stringify(view).length);
      expect(CaseView.parse(JSON.parse(json))).toEqual(view);
      expect(expandCase(JSON.parse(json))).toEqual(view);
    }
    expect(compactCaseJson(fresh)).not.toContain('registeredAt');
    expect(compactCaseJson(worked)).toContain('"assisting":["police"]');
  });
});
