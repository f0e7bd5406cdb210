// Placing a new case by its address (S-4.1b): a point a person set decides the grid, the address fills point and
// grid otherwise, a grid the sender named is kept (its point taken only when it lies there), and an address the
// gazetteer cannot place leaves the case 待定位.
import { describe, expect, it } from 'vitest';
import { awaitsPlacement, placeDraft } from '../../electron/common/address/placement.ts';
import { geocode } from '../../electron/common/address/geocode.ts';
import { demoGazetteer } from '../helpers/demo-site.ts';
import { draft } from '../helpers/ws-client.ts';

const gz = demoGazetteer();
const street = geocode(gz, '中山街道');

describe('placeDraft', () => {
  it('fills point and grid from the address', () => {
    if (street.match === 'unmatched') throw new Error(street.reason);
    const placed = placeDraft(gz, draft('a'));
    expect(placed.gridId).toBe(street.gridId);
    expect(placed.location).toEqual(street.point);
    expect(placed.placement?.match).toBe(street.match);
  });

  it('keeps a grid the sender named, without a point from elsewhere', () => {
    if (street.match === 'unmatched') throw new Error(street.reason);
    const other = street.gridId === 'M001' ? 'M002' : 'M001';
    const placed = placeDraft(gz, draft('a', { gridId: other }));
    expect(placed.gridId).toBe(other);
    expect(placed.location).toBeUndefined();
    expect(placed.placement?.match).toBe(street.match);
    expect(placeDraft(gz, draft('a', { gridId: street.gridId! })).location).toEqual(street.point);
  });

  it('takes the grid of a point a person set, over a named one', () => {
    if (street.match === 'unmatched') throw new Error(street.reason);
    const placed = placeDraft(gz, draft('a', { gridId: 'nowhere', location: street.point }));
    expect(placed.gridId).toBe(street.gridId);
  });

  it('leaves an address it cannot place awaiting a person', () => {
    const placed = placeDraft(gz, draft('a', { address: '火星路999号' }));
    expect(placed.placement?.match).toBe('unmatched');
    expect(awaitsPlacement({ ...placed, location: undefined } as never)).toBe(true);
  });
});
