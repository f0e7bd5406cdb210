// Date-times from outside to epoch ms: W3C date-times with their zone (Open311), and local wall-clock times
// of another city's 311 export (e.g. Boston's `2022-01-21 13:47:00`, US Eastern with daylight saving) through
// the IANA time zone database that ships with Node (Intl).
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of a W3C date-time, which must carry its zone (`Z` or `±hh:mm`, GeoReport v2); else undefined. */
export function parseW3c(text: string): number | undefined {
  const at = W3C.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : at;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch {
    throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)} (an IANA name such as America/New_York)`);
  }
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, format: Intl.DateTimeFormat): number {
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(instant / 1000) * 1000;
}

/** Epoch ms of a local `YYYY-MM-DD HH:mm[:ss]` in `timeZone`; undefined when the text is not such a time. */
export function zonedToEpoch(local: string, timeZone: string): number | undefined {
  const m = LOCAL.exec(local.trim());
  const format = formatterFor(timeZone);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  // The offset at the wall time read as UTC is right except within hours of a DST change: correct once.
  const first = wall - offsetAt(wall, format);
  return wall - offsetAt(first, format);
}
