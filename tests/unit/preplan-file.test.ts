// The site's pre-plan file (common/preplan/plan-file.ts, hall/preplans/plan-file-load.ts): the demo street's is
// valid and covers the flood and typhoon hazards at every level; a bad one is refused naming the field, whether
// its shape is wrong or it names a department, category or station the site and its map do not have.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS_UP, PlanFile, atLevel } from '../../electron/common/preplan/plan-file.ts';
import { resolveActions } from '../../electron/common/preplan/plan-activation.ts';
import { stationSets } from '../../electron/common/preplan/station-sets.ts';
import { loadDemoLayers } from '../../electron/hall/demo/demo-layers.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { loadPlanLibrary } from '../../electron/hall/preplans/plan-file-load.ts';
import { loadSite } from '../../electron/hall/site-file.ts';
import { REPO, tempDataDir } from '../helpers/hall-process.ts';

const RESOURCES = join(REPO, 'resources');
const DEMO_SITE = join(RESOURCES, 'demo-street/site.json');
const DEMO_PLANS = join(RESOURCES, 'demo-street/preplans.json');
const site = loadSite(DEMO_SITE);
const map = { points: loadDemoLayers(RESOURCES).points.features, grids: loadDemoGrids(RESOURCES).features };
const demo = () => JSON.parse(readFileSync(DEMO_PLANS, 'utf8')) as PlanFile;

/** A site folder holding the demo site and the given plan file; returns its site file. */
function siteWith(plans: unknown): string {
  const dir = tempDataDir('preplans-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site.json'), readFileSync(DEMO_SITE));
  writeFileSync(join(dir, 'preplans.json'), typeof plans === 'string' ? plans : JSON.stringify(plans));
  return join(dir, 'site.json');
}
const refusal = (plans: unknown) => {
  try {
    loadPlanLibrary(siteWith(plans), true, site, map);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};
const edited = (edit: (file: PlanFile) => void) => {
  const file = demo();
  edit(file);
  return file;
};

describe('the demo street\'s pre-plans', () => {
  const { library } = loadPlanLibrary(DEMO_SITE, true, site, map);
  it('is valid and has typhoon, rainstorm, flood and storm tide plans', () => {
    expect([...library!.plans.keys()]).toEqual(['typhoon', 'rainstorm', 'flood', 'highTide']);
  });

  it('builds each level on the one below: every action of a level is in the levels above it', () => {
    for (const spec of library!.plans.values()) {
      const counts = LEVELS_UP.map((level) => resolveActions(spec, level, library!.stations));
      counts.forEach((actions, i) => {
        expect(actions.length, `${spec.hazard} ${LEVELS_UP[i]}`).toBeGreaterThan(0);
        if (i > 0) expect(actions.map((a) => a.id)).toEqual(expect.arrayContaining(counts[i - 1]!.map((a) => a.id)));
      });
    }
  });

  it('has the spec\'s typhoon level II example: evacuation, billboards and trees, flood-prone points, pumps, shelters', () => {
    const titles = resolveActions(library!.plans.get('typhoon')!, 'II', library!.stations).map((a) => a.title).join('；');
    for (const word of ['转移低洼地区、危旧房和简易房人员', '户外广告牌', '行道树', '积水点', '泵车', '开放避难场所']) expect(titles).toContain(word);
  });

  it('resolves stations: every station, and those whose small grid has a flood-prone point or a shelter', () => {
    const sets = stationSets(map.points, map.grids);
    expect(sets.all).toHaveLength(26);
    expect(sets.flood.length).toBeGreaterThan(0);
    expect(sets.flood.length).toBeLessThan(26);
    expect(sets.shelter).toHaveLength(new Set(map.points.filter((p) => p.properties.kind === 'shelter').map((p) => map.grids.find((g) => g.properties.id === p.properties.gridId)!.properties.parentId)).size);
    expect(sets.names['GZ-01']).toBe('谷阳居委工作站');
    const pumps = resolveActions(library!.plans.get('typhoon')!, 'II', library!.stations).find((a) => a.id === 'ty-pumps')!;
    expect(pumps.stations).toEqual(sets.flood);
  });

  it('tightens deadlines and adds items with the level', () => {
    const typhoon = library!.plans.get('typhoon')!;
    const at = (level: 'III' | 'II' | 'I', id: string) => resolveActions(typhoon, level, library!.stations).find((a) => a.id === id)!;
    expect([at('III', 'ty-billboards').deadlineMin, at('II', 'ty-billboards').deadlineMin, at('I', 'ty-billboards').deadlineMin]).toEqual([240, 120, 60]);
    expect(at('III', 'ty-flood-watch').items.map((i) => i.id)).toEqual(['watch', 'signs']);
    expect(at('II', 'ty-flood-watch').items.map((i) => i.id)).toEqual(['watch', 'signs', 'depth']);
    expect(atLevel(typhoon.reportEveryMin, 'I')).toBe(60);
  });
});

describe('a bad pre-plan file', () => {
  it('is refused naming the field', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['{"plans": [', /pre-plans .*preplans\.json: not JSON/],
      [edited((f) => (f.plans[0]!.actions[0]!.department = 'coastguard')), /"plans\.0\.actions\.0\.department": no department coastguard at this site/],
      [edited((f) => (f.plans[0]!.actions[2]!.stations = ['GZ-01', 'GZ-77'])), /"plans\.0\.actions\.2\.stations\.1": no station GZ-77 on the map/],
      [edited((f) => (f.plans[0]!.categories[0] = '火灾')), /"plans\.0\.categories\.0": no case category 火灾 at this site/],
      [edited((f) => (f.plans[1]!.hazard = 'typhoon')), /"plans\.1\.hazard": a second plan for typhoon/],
      [edited((f) => (f.plans[0]!.actions[1]!.id = f.plans[0]!.actions[0]!.id)), /"plans\.0\.actions\.1\.id": action id ty-duty appears twice/],
      [edited((f) => (f.plans[0]!.actions[4]!.deadlineMin = { II: 60 })), /"plans\.0\.actions\.4\.deadlineMin": needs a deadline from level III/],
      [edited((f) => (f.plans[0]!.actions[4]!.deadlineMin = { IV: 10, III: 60 })), /"plans\.0\.actions\.4\.deadlineMin\.IV": level IV is below the action's level III/],
      [edited((f) => (f.plans[0]!.actions[4]!.items[0]!.from = 'IV')), /"plans\.0\.actions\.4\.items\.0\.from": level IV is below/],
      [edited((f) => (f.plans[0]!.actions[0]!.items = [])), /"plans\.0\.actions\.0\.items": an action needs at least one checklist item/],
      [edited((f) => (f.plans[0]!.actions[0]!.from = 'V' as never)), /"plans\.0\.actions\.0\.from"/],
      [edited((f) => (f.plans[0]!.reportEveryMin = { II: 60 })), /"plans\.0\.reportEveryMin": needs a value from level IV/],
      [edited((f) => (f.plans[0]!.actions[0]!.id = 'Ty Duty')), /"plans\.0\.actions\.0\.id": an id is lower-case latin/],
      [edited((f) => (f.plans[0]!.actions[0]!.deadlineMin = 0)), /"plans\.0\.actions\.0\.deadlineMin"/],
      [edited((f) => Object.assign(f.plans[0]!, { owner: 'x' })), /"plans\.0": Unrecognized key: "owner"/],
    ];
    for (const [file, message] of cases) expect(refusal(file)).toMatch(message);
  });

  it('is required beside the demo site, optional beside a site of its own', () => {
    const dir = tempDataDir('preplans-none-');
    writeFileSync(join(dir, 'site.json'), readFileSync(DEMO_SITE));
    expect(loadPlanLibrary(join(dir, 'site.json'), false, site, map)).toEqual({ file: join(dir, 'preplans.json'), library: null });
    expect(() => loadPlanLibrary(join(dir, 'site.json'), true, site, map)).toThrow(/pre-plans .*preplans\.json: ENOENT/);
  });
});
