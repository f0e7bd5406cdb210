// The CMA/STI best track (CHyyyyBST.txt, tcdata.typhoon.org.cn). Each storm is a header line
//   66666 BBBB  CCC DDDD EEEE F G NAME                 YYYYMMDD
// (BBBB international number, CCC number of records, DDDD serial, EEEE China's number, F end flag, G interval in
// hours, then the revision date) followed by CCC records
//   YYYYMMDDHH I LAT LON PRES WND [OWD]
// in UTC, I the intensity code (0–6, 9), LAT/LON in 0.1°N/°E, PRES hPa, WND the 2-minute mean maximum wind in
// m/s (0 = unknown). The best track has no wind radii and no forecasts.
import { CMA_CATEGORY_CODES } from './categories.ts';
import { describeIssues } from '../protocol.ts';
import { TyphoonTrack, UNKNOWN_RADII, utcInstant, type TrackFix, type TrackParse } from './track-schema.ts';

const HEADER = /^66666\s+(\d{4})\s+(\d{1,3})\s+(\d{4})\s+(\d{4})\s+(\d)\s+(\d)\s+(\S.*?)\s+(\d{8})$/;

class Refusal extends Error {}

interface OpenStorm {
  headerLine: number;
  announced: number;
  track: TyphoonTrack;
}

/** Parses a whole year's file or one storm's extract; refuses the text, naming the line and field, on any fault. */
export function parseCmaBestTrack(text: string): TrackParse {
  if (typeof text !== 'string') return { ok: false, error: 'the best track must be text' };
  try {
    const tracks = parseLines(text.replace(/^\uFEFF/, '').split(/\r?\n/));
    return tracks.length ? { ok: true, tracks } : { ok: false, error: 'no 66666 storm header in the text' };
  } catch (error) {
    return { ok: false, error: error instanceof Refusal ? error.message : `unreadable best track: ${String(error)}` };
  }
}

function parseLines(lines: readonly string[]): TyphoonTrack[] {
  const tracks: TyphoonTrack[] = [];
  let open: OpenStorm | null = null;
  for (const [index, raw] of lines.entries()) {
    const n = index + 1;
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('66666')) {
      if (open) tracks.push(closeStorm(open, n));
      open = openStorm(line, n);
      continue;
    }
    if (!open) throw new Refusal(`line ${n}: record before any 66666 storm header`);
    if (open.track.fixes.length === open.announced) throw new Refusal(`line ${n}: more records than the ${open.announced} the header of line ${open.headerLine} announces`);
    const fix = parseRecord(line, n);
    const previous = open.track.fixes.at(-1);
    if (previous && fix.t <= previous.t) throw new Refusal(`line ${n}, field time: not after the previous record`);
    open.track.fixes.push(fix);
  }
  if (open) tracks.push(closeStorm(open, lines.length + 1));
  return tracks;
}

function closeStorm(open: OpenStorm, nextLine: number): TyphoonTrack {
  const found = open.track.fixes.length;
  if (found !== open.announced) throw new Refusal(`line ${open.headerLine}: storm header announces ${open.announced} records, ${found} follow (before line ${nextLine})`);
  const checked = TyphoonTrack.safeParse(open.track);
  if (!checked.success) throw new Refusal(`storm of line ${open.headerLine}: ${describeIssues(checked.error)}`);
  return checked.data;
}

function openStorm(line: string, n: number): OpenStorm {
  const m = HEADER.exec(line);
  if (!m) throw new Refusal(`line ${n}: not a CMA best-track header (66666 BBBB CCC DDDD EEEE F G NAME YYYYMMDD)`);
  const [, international, count, , china, , , name] = m as unknown as string[];
  const announced = Number(count);
  if (announced < 1) throw new Refusal(`line ${n}, field CCC: a storm needs at least one record`);
  const cleanName = name!.trim();
  return {
    headerLine: n,
    announced,
    track: {
      source: 'cma-bst',
      cmaNumber: china === '0000' ? null : china!,
      internationalNumber: international === '0000' ? null : international!,
      nameEn: cleanName === '(nameless)' ? null : cleanName,
      nameZh: null,
      fixes: [],
      forecasts: [],
      landfalls: [],
    },
  };
}

function parseRecord(line: string, n: number): TrackFix {
  const fields = line.split(/\s+/);
  const names = ['time', 'I', 'LAT', 'LON', 'PRES', 'WND', 'OWD'];
  if (fields.length < 6) throw new Refusal(`line ${n}: record cut short, field ${names[fields.length]} missing`);
  if (fields.length > 7) throw new Refusal(`line ${n}: ${fields.length} fields, a record has 6 or 7`);
  fields.forEach((f, i) => {
    if (!/^\d+$/.test(f)) throw new Refusal(`line ${n}, field ${names[i]}: ${JSON.stringify(f)} is not a number`);
  });
  const [time, code, lat, lon, pres, wnd] = fields as [string, string, string, string, string, string];
  const t = /^\d{10}$/.test(time) ? utcInstant(+time.slice(0, 4), +time.slice(4, 6), +time.slice(6, 8), +time.slice(8, 10)) : null;
  if (t === null) throw new Refusal(`line ${n}, field time: ${time} is not a YYYYMMDDHH time`);
  const category = CMA_CATEGORY_CODES[code];
  if (!category) throw new Refusal(`line ${n}, field I: intensity code ${code} is not one of 0–6, 9`);
  const latDeg = Number(lat) / 10;
  const lonDeg = Number(lon) / 10;
  if (latDeg > 90) throw new Refusal(`line ${n}, field LAT: ${latDeg}° is out of range`);
  if (lonDeg >= 360) throw new Refusal(`line ${n}, field LON: ${lonDeg}° is out of range`);
  const pressure = Number(pres);
  if (pressure < 850 || pressure > 1100) throw new Refusal(`line ${n}, field PRES: ${pressure} hPa is out of range`);
  const wind = Number(wnd);
  if (wind > 120) throw new Refusal(`line ${n}, field WND: ${wind} m/s is out of range`);
  return { t, lat: latDeg, lon: lonDeg, pressureHpa: pressure, maxWindMs: wind === 0 ? null : wind, category, radii: UNKNOWN_RADII };
}
