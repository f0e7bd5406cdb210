// Issue 12 and the geocoder's match rate (S-7, S-4.1b): reconciliation after an outage, a cold start on a
// million events, twenty halls on one simulator in a storm, and how many of the simulator's tickets the hall
// places. Each figure against a baseline measured in the same run. Registered in run.ts; on its own:
// `node tests/bench/district-scale.ts` (after `npx electron-vite build`), with BENCH_SMALL=1 for small sizes while
// developing (not figures to report).
import { percent, ticketMatchRate, matchRateLines } from '../helpers/ticket-match-rate.ts';
import { coldStartFigures } from './cold-start.ts';
import { median } from './median.ts';
import { rawExchangeSeconds, reconcileSeconds } from './reconcile.ts';
import { stormIntake } from './storm-halls.ts';

export interface Figure { name: string; subject: number; baseline: number; unit: string; ratio: number; target: string; ok: boolean }

const SMALL = process.env.BENCH_SMALL === '1';
const SIZES = SMALL
  ? { reconcile: 1_000, coldEvents: 20_000, coldRounds: 1, halls: 3, cases: 5 }
  : { reconcile: 10_000, coldEvents: 1_000_000, coldRounds: 3, halls: 20, cases: 30 };

const p = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

export async function districtScaleFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'ok'>, ok: boolean) => {
    figures.push({ ...f, ok });
    console.log(`${f.name}: ${f.subject.toFixed(0)} vs baseline ${f.baseline.toFixed(0)} ${f.unit} → ratio ${f.ratio.toFixed(2)} (target ${f.target}) ${ok ? 'met' : 'NOT MET'}`);
  };

  // 1. Reconcile after an outage.
  const n = SIZES.reconcile;
  console.log(`\nreconcile after an outage: ${n.toLocaleString('en-US')} queued at the hall, ${n.toLocaleString('en-US')} at the district…`);
  const rec = await reconcileSeconds(n);
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) rounds.push(await rawExchangeSeconds(n, rec.frameBytes));
  const raw = median(rounds) * 1000;
  console.log(`  processor time meanwhile: hall ${ms(rec.hallCpuMs)}, district ${ms(rec.districtCpuMs)} (the district's numbering of the hall's cases comes down too: ${(2 * n).toLocaleString('en-US')} down messages)`);
  for (const [way, seconds] of [['up (hall → district)', rec.upSeconds], ['down (district → hall)', rec.downSeconds]] as const) {
    add({ name: `reconcile ${n} ${way}, ms (baseline: bare ws relay, ${n} frames each way)`, subject: seconds * 1000, baseline: raw, unit: 'ms', ratio: (seconds * 1000) / raw, target: '≤ 5000 ms' }, seconds <= 5);
  }

  // 2. Cold start on a million events.
  console.log(`\ncold start on ${SIZES.coldEvents.toLocaleString('en-US')} events (the folder is built once and kept under tests/.artifacts/)…`);
  const cold = await coldStartFigures(SIZES.coldEvents, SIZES.coldRounds, console.log);
  console.log(`  spawn → HALL_READY ${ms(cold.big.readyMs)} (empty ${ms(cold.empty.readyMs)}); spawn → snapshot ${ms(cold.big.snapshotMs)} (empty ${ms(cold.empty.snapshotMs)}); `
    + `processor time to the snapshot ${ms(cold.big.cpuMs)} (empty ${ms(cold.empty.cpuMs)}); ${cold.big.snapshotCases} cases in the console's snapshot`);
  add({ name: `cold start to a console's snapshot, ${SIZES.coldEvents.toLocaleString('en-US')} events, ms (baseline: empty hall)`, subject: cold.big.snapshotMs, baseline: cold.empty.snapshotMs, unit: 'ms', ratio: cold.big.snapshotMs / cold.empty.snapshotMs, target: '≤ 1000 ms' }, cold.big.snapshotMs <= 1000);
  add({ name: '  the same in processor time of the hall process, ms', subject: cold.big.cpuMs, baseline: cold.empty.cpuMs, unit: 'ms', ratio: cold.big.cpuMs / cold.empty.cpuMs, target: '≤ 1000 ms' }, cold.big.cpuMs <= 1000);

  // 3. Halls on one simulator in a storm.
  console.log(`\n${SIZES.halls} halls on one simulator in a storm, ${SIZES.cases} cases taken in at each…`);
  const one = await stormIntake(1, SIZES.cases, 1000);
  const many = await stormIntake(SIZES.halls, SIZES.cases, 1000);
  for (const r of [one, many]) {
    console.log(`  ${r.halls} hall(s): create → desk p50 ${ms(p(r.toDesk, 0.5))}, p99 ${ms(p(r.toDesk, 0.99))}; dispatch → desk p50 ${ms(p(r.hop, 0.5))}, p99 ${ms(p(r.hop, 0.99))}; `
      + `${r.toDesk.length} cases in ${r.seconds.toFixed(0)} s, ${r.consoleFrames.toFixed(0)} frames at each console`);
  }
  const p99 = p(many.toDesk, 0.99);
  add({ name: `intake → desk p99 at ${SIZES.halls} halls in a storm, ms (baseline: one hall)`, subject: p99, baseline: p(one.toDesk, 0.99), unit: 'ms', ratio: p99 / p(one.toDesk, 0.99), target: '≤ 50 ms' }, p99 <= 50);

  // 4. The geocoder on the simulator's tickets.
  console.log('');
  const rate = ticketMatchRate(5000, 20260712);
  const [summary, detail, ...misses] = matchRateLines(rate);
  console.log([summary, detail, ...misses.slice(0, 6), ...(misses.length > 6 ? [`  … ${misses.length - 6} more`] : [])].join('\n'));
  const placed = rate.count - rate.byPlacement.unmatched;
  const placeable = rate.count - rate.bad;
  add({ name: `geocoder: simulator tickets placed, % (baseline: those with a place, ${percent(placeable, rate.count)})`, subject: (100 * placed) / rate.count, baseline: (100 * placeable) / rate.count, unit: '%', ratio: placed / placeable, target: '≥ 90 %' }, placed / rate.count >= 0.9);
  return figures;
}

if (import.meta.main) {
  const figures = await districtScaleFigures();
  console.log('');
  for (const f of figures) console.log(`${f.name}: ${f.subject.toFixed(1)} / ${f.baseline.toFixed(1)} ${f.unit}, ratio ${f.ratio.toFixed(2)}, target ${f.target} ${f.ok ? 'met' : 'NOT MET'}`);
}
