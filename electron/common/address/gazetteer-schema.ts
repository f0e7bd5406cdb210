// The standard-address gazetteer of a street (S-4.1b, 四标四实: 标准地址, 实有房屋 …) as the hall keeps it:
// door plates (门牌: road + number), residential compounds (小区: a lane number on a road, with its buildings and
// their units), landmarks (schools, markets, offices …) and road junctions, each with a WGS84 point and the micro
// grid it lay in when the gazetteer was made. Roads of the district that are not in the street are listed by
// name only, so an address on one of them is known to be elsewhere rather than taken for a typo.
import { z } from 'zod';

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const name = z.string().trim().min(1).max(40);
const gridId = z.string().regex(/^[\w.-]{1,32}$/, 'a grid id is 1–32 letters, digits, _ . -');
const houseNo = z.number().int().min(1).max(99_999);

/** 门牌: `no` is the number on `road`; odd and even numbers lie on opposite sides. */
export const DoorEntry = z.object({ kind: z.literal('door'), road: name, no: houseNo, p: lonLat, grid: gridId });
export type DoorEntry = z.infer<typeof DoorEntry>;

/** A building (幢, 号楼) of a compound: its number within the lane and how many units (单元) it has. */
export const CompoundBuilding = z.object({ no: houseNo, units: z.number().int().min(1).max(20), p: lonLat, grid: gridId });
export type CompoundBuilding = z.infer<typeof CompoundBuilding>;

/** 小区 at lane (弄) `no` of `road`: lane numbers share the road's number sequence; `p` is the gate. */
export const CompoundEntry = z.object({
  kind: z.literal('compound'), name, aliases: z.array(name), road: name, no: houseNo, p: lonLat, grid: gridId,
  buildings: z.array(CompoundBuilding).min(1),
});
export type CompoundEntry = z.infer<typeof CompoundEntry>;

/** A place people name instead of an address; `address` is the standard address it stands at, if it has one. */
export const LandmarkEntry = z.object({
  kind: z.literal('landmark'), name, aliases: z.array(name), p: lonLat, grid: gridId, address: name.optional(),
});
export type LandmarkEntry = z.infer<typeof LandmarkEntry>;

/** Where two roads of the street cross (路口). */
export const JunctionEntry = z.object({ kind: z.literal('junction'), roads: z.tuple([name, name]), p: lonLat, grid: gridId });
export type JunctionEntry = z.infer<typeof JunctionEntry>;

export const GazetteerEntry = z.discriminatedUnion('kind', [DoorEntry, CompoundEntry, LandmarkEntry, JunctionEntry]);
export type GazetteerEntry = z.infer<typeof GazetteerEntry>;

export const GazetteerData = z
  .object({
    /** The administrative names callers put in front of an address (上海市松江区中山街道 …). */
    city: name,
    district: name,
    street: name,
    outsideRoads: z.array(name),
    entries: z.array(GazetteerEntry),
  })
  .superRefine(({ entries }, ctx) => {
    const numbers = new Set<string>();
    const compounds = new Set<string>();
    entries.forEach((entry, i) => {
      const issue = (message: string, ...path: Array<string | number>) => ctx.addIssue({ code: 'custom', path: ['entries', i, ...path], message });
      if (entry.kind === 'door' || entry.kind === 'compound') {
        const key = `${entry.road} ${entry.no}`;
        if (numbers.has(key)) issue(`${entry.road} ${entry.no} is given twice`, 'no');
        numbers.add(key);
      }
      if (entry.kind !== 'compound') return;
      for (const label of [entry.name, ...entry.aliases]) {
        if (compounds.has(label)) issue(`compound name ${label} is given twice`, 'name');
        compounds.add(label);
      }
      const buildings = new Set<number>();
      entry.buildings.forEach((b, j) => {
        if (buildings.has(b.no)) issue(`${entry.name} has building ${b.no} twice`, 'buildings', j, 'no');
        buildings.add(b.no);
      });
    });
  });
export type GazetteerData = z.infer<typeof GazetteerData>;
