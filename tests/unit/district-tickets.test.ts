// What the district simulator's tickets say: the site's categories and grades, sources in their shares,
// addresses as callers give them, deadlines by grade, follow-ups now and then, every ticket valid on the wire.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GazetteerData } from '../../electron/common/address/gazetteer-schema.ts';
import { DAY, MINUTE } from '../../electron/common/domain/beijing-time.ts';
import { SiteConfig } from '../../electron/common/site/site-config.ts';
import { Ticket } from '../../electron/common/upstream-protocol.ts';
import { cancelReason, makeTicket, makeUpdate, ticketSeed, type TicketContext } from '../../electron/district/ticket-maker.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources/demo-street');
const site = SiteConfig.parse(JSON.parse(readFileSync(resolve(RESOURCES, 'site.json'), 'utf8')));
const gazetteer = GazetteerData.parse(JSON.parse(readFileSync(resolve(RESOURCES, 'addresses.json'), 'utf8')));
const ctx: TicketContext = { site, addresses: { gazetteer, heldOut: [] } };
const AT = Date.parse('2026-07-12T06:30:00Z');
const N = 3000;
const plans = Array.from({ length: N }, (_, i) => makeTicket(ctx, ticketSeed(42, i + 1), AT, false));
const share = (pred: (p: (typeof plans)[number]) => boolean) => plans.filter(pred).length / N;

describe('district tickets', () => {
  it('are seeded and valid on the wire', () => {
    expect(makeTicket(ctx, ticketSeed(42, 1), AT, false)).toEqual(plans[0]);
    expect(makeTicket(ctx, ticketSeed(43, 1), AT, false)).not.toEqual(plans[0]);
    for (const [i, p] of plans.entries()) expect(Ticket.safeParse({ ...p.ticket, ticketNo: `SJ-2026-${i}` }).success).toBe(true);
  });

  it('use the site\'s categories and grades, the category\'s own grade when it has one', () => {
    const categories = new Set(site.categories.map((c) => c.name));
    const grades = new Set(site.urgencies.map((u) => u.id));
    for (const { ticket } of plans) {
      expect(categories.has(ticket.category)).toBe(true);
      expect(grades.has(ticket.urgency)).toBe(true);
      const own = site.categories.find((c) => c.name === ticket.category)!.urgency;
      if (own) expect(ticket.urgency).toBe(own);
    }
    // An ordinary day's tickets cover every everyday category (the emergency ones come with storms).
    expect(new Set(plans.map((p) => p.ticket.category)).size).toBe(site.categories.filter((c) => !c.emergency).length);
    expect(share((p) => p.ticket.urgency === site.defaultUrgency)).toBeGreaterThan(0.5);
    expect(share((p) => p.ticket.urgency === 'urgent')).toBeLessThan(0.15);
  });

  it('come from 12345 mostly, 12319 and 110 non-police now and then', () => {
    expect(share((p) => p.ticket.source === 'hotline12345')).toBeGreaterThan(0.7);
    expect(share((p) => p.ticket.source === 'hotline12319')).toBeGreaterThan(0.02);
    expect(share((p) => p.ticket.source === 'nonpolice110')).toBeGreaterThan(0.02);
    expect(plans.find((p) => p.ticket.source === 'nonpolice110')!.ticket.description).toContain('110非警务警情');
  });

  it('give addresses as callers do, varied', () => {
    const texts = new Set(plans.map((p) => p.ticket.address));
    expect(texts.size).toBeGreaterThan(N * 0.8);
    expect([...texts].some((t) => /^(上海市)?松江区/.test(t))).toBe(true);
    expect([...texts].some((t) => /路口|交叉口/.test(t))).toBe(true);
  });

  it('are reported minutes before they reach the hall, due by their grade', () => {
    for (const { ticket } of plans) {
      expect(AT - ticket.reportedAt).toBeGreaterThanOrEqual(2 * MINUTE);
      expect(AT - ticket.reportedAt).toBeLessThanOrEqual(15 * MINUTE);
      const grade = site.urgencies.find((u) => u.id === ticket.urgency)!;
      const limit = grade.resultMin !== null ? grade.resultMin * MINUTE : (grade.dueWorkingDays ?? 5) * DAY;
      expect(ticket.dueAt! - ticket.reportedAt).toBe(limit);
    }
  });

  it('are changed about one time in ten and cancelled about one in thirty, later', () => {
    expect(share((p) => p.followUp?.action === 'update')).toBeGreaterThan(0.07);
    expect(share((p) => p.followUp?.action === 'update')).toBeLessThan(0.13);
    expect(share((p) => p.followUp?.action === 'cancel')).toBeGreaterThan(0.015);
    expect(share((p) => p.followUp?.action === 'cancel')).toBeLessThan(0.045);
    for (const p of plans) if (p.followUp) expect(p.followUp.at).toBeGreaterThan(AT);
    const update = makeUpdate(1, AT, '原描述');
    expect(update.dueAt === AT + 2 * DAY || update.description?.startsWith('原描述\n')).toBe(true);
    expect(makeUpdate(2, null, '原描述').description).toMatch(/^原描述\n市民/);
    expect(cancelReason(3)).toMatch(/撤销|重复|管辖/);
  });

  it('in a storm are the weather\'s: waterlogging, fallen trees, drains, loose signs', () => {
    const stormy = Array.from({ length: 500 }, (_, i) => makeTicket(ctx, ticketSeed(5, i), AT, true).ticket);
    expect(new Set(stormy.map((t) => t.category))).toEqual(new Set(['防汛防台', '园林绿化', '设施管理', '安全隐患']));
    expect(stormy.filter((t) => t.category === '防汛防台').length / 500).toBeGreaterThan(0.45);
  });

  it('take a category and grade they are given, and speak in general terms of a category they have no problems for', () => {
    const given = makeTicket(ctx, 9, AT, false, { category: '防汛防台' }).ticket;
    expect(given).toMatchObject({ category: '防汛防台', urgency: 'urgent' });
    expect(makeTicket(ctx, 9, AT, false, { category: '市容环境', urgency: 'minor' }).ticket.urgency).toBe('minor');
    const other = { ...ctx, site: { ...site, categories: [{ name: '渣土车', duty: 'clear' as const, lead: 'urban', assisting: [] }] } };
    expect(makeTicket(other, 1, AT, false).ticket).toMatchObject({ category: '渣土车', title: '渣土车问题反映' });
  });
});
