// The demo street's standard-address gazetteer (S-4.1b, 四标四实), generated from the same roads and grids as
// the map. Along each road, lots follow each other on both sides: shops and doors, institutions, and residential
// compounds (小区) whose lane number (弄) is in the road's sequence and whose buildings stand in rows behind the
// frontage. As in 上海's old town, east-west roads are numbered from the east end and north-south ones from the
// south end; walking the way numbers rise, odd numbers are on the left and even on the right, and a road that
// comes into the street from elsewhere starts at a number reached outside it. Which lots there are depends on the
// micro grid's kind: shops along street fronts, compounds in residential grids, institutions in extended ones.
// Landmarks are the schools and parks of the shelters, the residents' committees' offices, and offices, markets
// and shops at door plates. One door in ten is held out of the gazetteer (not yet surveyed): tickets name those
// too, and the geocoder must interpolate them.
import { microGridLocator } from '../../common/address/gazetteer.ts';
import type { CompoundBuilding, CompoundEntry, DoorEntry, GazetteerData, GazetteerEntry, JunctionEntry, LandmarkEntry } from '../../common/address/gazetteer-schema.ts';
import { nameDistance } from '../../common/address/name-distance.ts';
import { normaliseName } from '../../common/address/normalise.ts';
import type { PointFeature, RoadFeature } from '../../common/geo/layer-schema.ts';
import { localProjection, type LonLat, type XY } from '../../common/geo/projection.ts';
import type { GridKind } from '../../common/geo/grid-schema.ts';
import { formatList } from './demo-street.ts';
import type { Rng } from '../../common/prng.ts';
import { outlineRing, type DemoStreetModel } from './street-generator.ts';

export const ADDRESS_META = { city: '上海市', district: '松江区', street: '中山街道' } as const;

/** Real roads of 松江 near 中山街道 that are not in the demo street. */
export const OUTSIDE_ROADS: readonly string[] = [
  '荣乐中路', '荣乐西路', '中山东路', '中山西路', '人民南路', '谷阳南路', '西林南路', '乐都西路', '松汇西路', '文翔路',
  '广富林路', '北松公路', '沪松公路', '新松江路', '思贤路', '三新北路', '梅家浜路', '玉华路', '江学路', '方松路',
];

type LotType = 'shop' | 'door' | 'institution' | 'compound';

/** Lot types by the micro grid's kind, with their frontage in metres. */
const LOTS: Readonly<Record<GridKind, ReadonlyArray<{ type: LotType; share: number; frontageM: [number, number] }>>> = {
  streetfront: [{ type: 'shop', share: 0.97, frontageM: [12, 24] }, { type: 'compound', share: 0.03, frontageM: [60, 110] }],
  residential: [
    { type: 'compound', share: 0.08, frontageM: [70, 150] }, { type: 'door', share: 0.66, frontageM: [20, 40] },
    { type: 'shop', share: 0.26, frontageM: [12, 20] },
  ],
  extended: [{ type: 'institution', share: 0.5, frontageM: [40, 100] }, { type: 'door', share: 0.5, frontageM: [20, 40] }],
};
/** How far door points stand from the road's centre line, by road class. */
const DOOR_OFFSET_M = { main: 22, secondary: 16, local: 12 } as const;
/** Lots keep this far from a crossing road. */
const JUNCTION_CLEAR_M = 18;
const BUILDING_SPACING_M = 25;
const HELD_OUT_SHARE = 0.1;

const COMPOUND_STEMS = [
  '荣华', '康乐', '玉兰', '茸城', '松鹤', '菊香', '景秀', '仓城', '文汇', '长春', '白鹤', '云间', '秀南', '普乐', '锦绣', '碧水',
  '绿洲', '阳光', '春申', '龙潭', '江中', '泰和', '永丰', '华庭', '嘉禾', '丽景', '银河', '星辰', '紫薇', '枫林', '翠竹', '海棠',
  '香樟', '平安', '福康', '安居', '和平', '建设', '友谊', '凯旋', '金玉', '兰亭', '明珠', '花桥', '东湖', '西湖', '南湖', '北湖',
  '怡景', '御庭', '馨苑', '润泽', '祥和', '瑞丰', '鸿福', '朝晖', '晨曦', '涵碧', '清泉', '桃源', '杏林', '樱花', '桂林', '芙蓉',
  '青松', '红枫', '新桥', '育才', '光明', '幸福', '团结', '胜利', '民主', '曙光', '龙华', '齐贤', '淀浦', '泗泾', '叶榭', '车墩',
  '松风', '竹林', '金桥', '银杏', '丹桂', '春晓', '秋霞', '雅居', '锦华', '联谊', '振兴', '华联', '兴业', '富丽', '天和', '祥云',
  '紫荆', '玉泉', '荷花', '水岸', '蓝湾', '梧桐', '杨柳', '松柏', '常青', '碧云', '锦江', '金色', '绿地', '鹿鸣', '听涛', '沁园',
];
const COMPOUND_SUFFIXES = ['苑', '新村', '花园', '小区', '公寓', '家园', '雅苑', '名邸', '佳苑', '坊'];

/** The shelters' schools and parks by name, with what people call them. */
const SHELTER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  松江二中: ['松江第二中学', '二中'],
  中山体育场: ['体育场'],
  醉白池公园: ['醉白池'],
  方塔园: ['方塔公园'],
  社区文化活动中心: ['中山街道社区文化活动中心', '文化活动中心'],
};

/** Landmarks at door plates; a road class, when given, is where they are. */
const DOOR_LANDMARKS: ReadonlyArray<{ name: string; aliases: string[]; on: RoadFeature['properties']['class'] | null }> = [
  { name: '中山街道办事处', aliases: ['街道办', '中山街道办', '街道办事处'], on: 'main' },
  { name: '中山街道社区事务受理服务中心', aliases: ['社区事务受理服务中心', '受理中心'], on: 'main' },
  { name: '中山派出所', aliases: ['派出所'], on: 'main' },
  { name: '中山街道社区卫生服务中心', aliases: ['社区卫生服务中心', '卫生服务中心', '社区医院'], on: 'secondary' },
  { name: '中山邮政支局', aliases: ['邮局', '邮政局'], on: 'secondary' },
  { name: '中山幼儿园', aliases: [], on: 'local' },
  // A chain: two shops under one name, told apart only by their road.
  { name: '联华超市', aliases: [], on: null },
  { name: '联华超市', aliases: [], on: null },
];
const MARKETS = 3;

export interface DemoAddresses {
  gazetteer: GazetteerData;
  /** Real doors left out of the gazetteer; tickets name them, the geocoder has to interpolate. */
  heldOut: DoorEntry[];
}

interface RoadLine {
  road: RoadFeature;
  xy: XY[];
  /** Arc length at each vertex. */
  at: number[];
  /** Arc lengths where another road crosses. */
  crossings: number[];
}

/** A point `s` metres along a road, `offset` metres to its left (negative: right), as [lon, lat]. */
type PlaceAt = (line: RoadLine, s: number, offset: number) => [number, number];

interface Lot {
  road: RoadLine;
  type: LotType;
  no: number;
  /** +1 left of the numbering direction (odd numbers), -1 right (even). */
  side: 1 | -1;
  s: number;
  frontageM: number;
  p: [number, number];
  grid: string;
}

export function buildAddresses(model: DemoStreetModel, roads: readonly RoadFeature[], points: readonly PointFeature[], rng: Rng): DemoAddresses {
  const micros = model.micros.map((m) => ({ id: m.props.id, ring: outlineRing(model.points, m.region.outline), kind: m.props.kind! }));
  const kindOf = new Map(micros.map((m) => [m.id, m.kind]));
  const gridAt = microGridLocator(micros);
  const [lon0, lat0] = model.points.reduce((s, p) => [s[0] + p[0] / model.points.length, s[1] + p[1] / model.points.length], [0, 0]);
  const proj = localProjection(lat0, lon0);
  const lonLat = (xy: XY): [number, number] => {
    const [lon, lat] = proj.toLonLat(xy);
    return [round6(lon), round6(lat)];
  };

  const placeAt: PlaceAt = (line, s, offset) => lonLat(pointAlong(line, s, offset));
  const lots = roads.flatMap((road) => layLots(roadLine(road, roads, proj.toXY), rng, placeAt, gridAt, kindOf));

  const landmarks = [...shelterLandmarks(points, gridAt), ...officeLandmarks(points, gridAt), ...doorLandmarks(lots, rng)];
  const taken = [...roads.map((r) => r.properties.name), ...OUTSIDE_ROADS, ...landmarks.flatMap((l) => [l.name, ...l.aliases])];
  const compounds = buildCompounds(lots, rng, taken, placeAt, gridAt);
  const compoundAt = new Map(compounds.map(({ lot, entry }) => [lot, entry]));
  const landmarkLots = new Set(landmarks.flatMap((l) => (l.lot ? [l.lot] : [])));

  const entries: GazetteerEntry[] = [];
  const heldOut: DoorEntry[] = [];
  for (const lot of [...lots].sort((a, b) => a.road.road.properties.id.localeCompare(b.road.road.properties.id) || a.no - b.no)) {
    const compound = compoundAt.get(lot);
    if (compound) {
      entries.push(compound);
      continue;
    }
    const door: DoorEntry = { kind: 'door', road: lot.road.road.properties.name, no: lot.no, p: lot.p, grid: lot.grid };
    if (!landmarkLots.has(lot) && rng.next() < HELD_OUT_SHARE) heldOut.push(door);
    else entries.push(door);
  }
  entries.push(...landmarks.map(({ lot: _, ...entry }) => entry), ...junctions(roads, gridAt));
  return { gazetteer: { ...ADDRESS_META, outsideRoads: [...OUTSIDE_ROADS], entries }, heldOut };
}

/** The road in local metres, oriented the way its numbers rise: from the east end, or from the south end. */
function roadLine(road: RoadFeature, roads: readonly RoadFeature[], toXY: (p: LonLat) => XY): RoadLine {
  let coordinates = road.geometry.coordinates;
  let xy = coordinates.map((p) => toXY(p));
  const [first, last] = [xy[0]!, xy[xy.length - 1]!];
  const eastWest = Math.abs(last[0] - first[0]) >= Math.abs(last[1] - first[1]);
  if (eastWest ? first[0] < last[0] : first[1] > last[1]) [coordinates, xy] = [[...coordinates].reverse(), [...xy].reverse()];
  const at = [0];
  for (let i = 1; i < xy.length; i++) at.push(at[i - 1]! + Math.hypot(xy[i]![0] - xy[i - 1]![0], xy[i]![1] - xy[i - 1]![1]));
  const shared = new Set(roads.filter((r) => r !== road).flatMap((r) => r.geometry.coordinates.map((p) => p.join())));
  const crossings = coordinates.flatMap((p, i) => (shared.has(p.join()) ? [at[i]!] : []));
  return { road, xy, at, crossings };
}

/** The point `s` metres along the road, `offset` metres to its left (negative: right). */
function pointAlong(line: RoadLine, s: number, offset: number): XY {
  const { xy, at } = line;
  let i = 1;
  while (i < xy.length - 1 && at[i]! < s) i++;
  const [a, b] = [xy[i - 1]!, xy[i]!];
  const length = at[i]! - at[i - 1]!;
  const t = length === 0 ? 0 : (s - at[i - 1]!) / length;
  const [dx, dy] = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  return [a[0] + t * (b[0] - a[0]) - dy * offset, a[1] + t * (b[1] - a[1]) + dx * offset];
}

/** Lots along both sides of one road, numbered odd on the left and even on the right. */
function layLots(
  line: RoadLine, rng: Rng, at: PlaceAt, gridAt: (p: LonLat) => string | null, kindOf: Map<string, GridKind>,
): Lot[] {
  const { class: roadClass } = line.road.properties;
  const offset = DOOR_OFFSET_M[roadClass];
  const base = roadClass === 'local' ? 1 : [1, 1, 101, 201, 301, 501][rng.int(6)]!;
  const length = line.at[line.at.length - 1]!;
  const lots: Lot[] = [];
  for (const side of [1, -1] as const) {
    let no = side === 1 ? base : base + 1;
    for (let s = 0; s < length; ) {
      const probe = gridAt(at(line, s + 5, side * offset));
      if (probe === null) {
        s += 10;
        continue;
      }
      const plan = pickLot(kindOf.get(probe)!, rng);
      const frontageM = Math.round(rng.range(plan.frontageM[0], plan.frontageM[1]));
      const crossing = line.crossings.find((c) => c > s - JUNCTION_CLEAR_M && c < s + frontageM + JUNCTION_CLEAR_M);
      if (crossing !== undefined) {
        s = crossing + JUNCTION_CLEAR_M;
        continue;
      }
      const p = at(line, s + frontageM / 2, side * offset);
      const grid = gridAt(p);
      if (grid !== null) {
        lots.push({ road: line, type: plan.type, no, side, s, frontageM, p, grid });
        // Now and then numbers are skipped, kept for lots to come.
        no += 2 + (rng.next() < 0.12 ? 2 * (1 + rng.int(3)) : 0);
      }
      s += frontageM;
    }
  }
  return lots;
}

function pickLot(kind: GridKind, rng: Rng) {
  const plans = LOTS[kind];
  let r = rng.next();
  for (const plan of plans) {
    if (r < plan.share) return plan;
    r -= plan.share;
  }
  return plans[plans.length - 1]!;
}

type PlacedLandmark = LandmarkEntry & { lot?: Lot };

function shelterLandmarks(points: readonly PointFeature[], gridAt: (p: LonLat) => string | null): PlacedLandmark[] {
  return points.flatMap(({ properties, geometry }) => {
    if (properties.kind !== 'shelter') return [];
    const name = properties.name.replace(/避难点$/, '');
    const p = roundedPoint(geometry.coordinates);
    return [{ kind: 'landmark' as const, name, aliases: [...(SHELTER_ALIASES[name] ?? [])], p, grid: gridAt(p)! }];
  });
}

/** Each residents' committee's office (居委会) and each area company's station, where the station point is. */
function officeLandmarks(points: readonly PointFeature[], gridAt: (p: LonLat) => string | null): PlacedLandmark[] {
  return points.flatMap(({ properties, geometry }) => {
    if (properties.kind !== 'station') return [];
    const unit = properties.name.replace(/(工作站|城运站点)$/, '');
    const [name, aliases] = unit.endsWith('居委') ? [`${unit}会`, [unit, properties.name]] : [properties.name, [unit]];
    const p = roundedPoint(geometry.coordinates);
    return [{ kind: 'landmark' as const, name, aliases, p, grid: gridAt(p)! }];
  });
}

/** Offices, shops and markets, each at a door lot of a road of its class (markets on three different roads). */
function doorLandmarks(lots: readonly Lot[], rng: Rng): PlacedLandmark[] {
  const free = lots.filter((l) => l.type === 'door' || l.type === 'institution');
  const used = new Set<Lot>();
  const place = (candidates: readonly Lot[], label: (road: string) => { name: string; aliases: string[] }): PlacedLandmark => {
    const pool = candidates.filter((l) => !used.has(l));
    const lot = pool[rng.int(pool.length)]!;
    used.add(lot);
    const road = lot.road.road.properties.name;
    return { kind: 'landmark', ...label(road), p: lot.p, grid: lot.grid, address: `${road}${lot.no}号`, lot };
  };
  const placed = DOOR_LANDMARKS.map(({ name, aliases, on }) =>
    place(free.filter((l) => on === null || l.road.road.properties.class === on), () => ({ name, aliases: [...aliases] })));
  const marketRoads = new Set<string>();
  for (let i = 0; i < MARKETS; i++) {
    placed.push(place(free.filter((l) => l.road.road.properties.class !== 'main' && !marketRoads.has(l.road.road.properties.name)), (road) => {
      marketRoads.add(road);
      const stem = road.replace(/[路街]$/, '');
      return { name: `${road}菜市场`, aliases: [`${road}菜场`, `${stem}菜场`, `${stem}菜市场`] };
    }));
  }
  return placed;
}

/**
 * Compounds on the compound lots, each with rows of buildings behind its frontage; a lot with room for fewer
 * than two buildings stays a door. Names are unique and no name is one edit from another (a typo of one must
 * not read as the other), except the numbered 一村/二村/三村 of one estate along the road with most compounds.
 */
function buildCompounds(
  lots: readonly Lot[], rng: Rng, taken: readonly string[], at: PlaceAt, gridAt: (p: LonLat) => string | null,
): Array<{ lot: Lot; entry: CompoundEntry }> {
  const norm = (name: string) => normaliseName(name, ADDRESS_META);
  const takenKeys = taken.map(norm);
  const clear = (name: string) => {
    const key = norm(name);
    return takenKeys.every((t) => nameDistance(key, t, 1) > 1);
  };
  const built: Array<{ lot: Lot; entry: Omit<CompoundEntry, 'name' | 'aliases'> }> = [];
  for (const lot of lots.filter((l) => l.type === 'compound')) {
    const offset = DOOR_OFFSET_M[lot.road.road.properties.class];
    const cols = Math.floor(lot.frontageM / BUILDING_SPACING_M);
    const rows = 2 + rng.int(2);
    const buildings: CompoundBuilding[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const p = at(lot.road, lot.s + BUILDING_SPACING_M * (c + 0.5), lot.side * (offset + 20 + BUILDING_SPACING_M * r));
        const grid = gridAt(p);
        if (grid !== null) buildings.push({ no: buildings.length + 1, units: [1, 2, 2, 3, 3, 4][rng.int(6)]!, p, grid });
      }
    }
    if (buildings.length < 2) continue;
    built.push({ lot, entry: { kind: 'compound', road: lot.road.road.properties.name, no: lot.no, p: lot.p, grid: lot.grid, buildings } });
  }

  const perRoad = new Map<string, typeof built>();
  for (const b of built) perRoad.set(b.entry.road, [...(perRoad.get(b.entry.road) ?? []), b]);
  const [estateRoad, estate] = [...perRoad].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  const estateStem = estateRoad.replace(/[东西南北中]?[路街]$/, '');
  const estateNames = ['一村', '二村', '三村'].map((n) => `${estateStem}${n}`).filter(clear);
  takenKeys.push(...estateNames.map(norm));
  const named = new Map(estate.slice(0, estateNames.length).map((b, i) => [b, estateNames[i]!]));
  // Each stem names one compound at most (文汇苑 and 文汇小区 side by side would confuse callers).
  const stems = [...COMPOUND_STEMS];
  const nameFor = (): string => {
    while (stems.length > 0) {
      const stem = stems.splice(rng.int(stems.length), 1)[0]!;
      const suffixes = [...COMPOUND_SUFFIXES];
      while (suffixes.length > 0) {
        const suffix = suffixes.splice(rng.int(suffixes.length), 1)[0]!;
        if (clear(stem + suffix) && (suffix !== '新村' || clear(`${stem}小区`))) return stem + suffix;
      }
    }
    throw new Error(`demo addresses: not enough compound names for ${built.length} compounds`);
  };
  return built.map((b) => {
    const name = named.get(b) ?? nameFor();
    const aliases = name.endsWith('新村') ? [name.replace(/新村$/, '小区')] : [];
    if (!named.has(b)) takenKeys.push(...[name, ...aliases].map(norm));
    return { lot: b.lot, entry: { ...b.entry, name, aliases } };
  });
}

/** Where two roads of the street share a vertex inside it. */
function junctions(roads: readonly RoadFeature[], gridAt: (p: LonLat) => string | null): JunctionEntry[] {
  const found: JunctionEntry[] = [];
  roads.forEach((a, i) => {
    const vertices = new Map(a.geometry.coordinates.map((p) => [p.join(), p]));
    for (const b of roads.slice(i + 1)) {
      const shared = b.geometry.coordinates.map((p) => vertices.get(p.join())).find((p) => p !== undefined && gridAt(p) !== null);
      if (shared) found.push({ kind: 'junction', roads: [a.properties.name, b.properties.name], p: shared, grid: gridAt(shared)! });
    }
  });
  return found;
}

/** The gazetteer as written to addresses.json: its header on the first line, then one entry per line. */
export function formatGazetteer(data: GazetteerData): string {
  const { entries, ...header } = data;
  return formatList(`${JSON.stringify(header).slice(0, -1)},"entries":[`, entries);
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const roundedPoint = (p: LonLat): [number, number] => [round6(p[0]), round6(p[1])];
