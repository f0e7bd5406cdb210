// The audit chain checked while the hall runs (S-9). At start, every hour and on demand from the console, the
// auditor re-computes the hash chain (chain-hash.ts) from the last row it verified (the mark, kept in meta with
// that row's hash) to the head the log had when the run began, in pages, yielding to the event loop every few
// milliseconds so commands and LAN clients are served meanwhile. The console may also ask for a run from the
// first row. The mark moves forward as the run goes and never past a broken row: a run that finds one puts the
// mark on the row before it, so every later run, after a restart too, finds it again. The first row that does
// not verify is named by its sequence, in the status (/healthz, the console) and in the log.
//
// The mark's own hash is checked too: a run from the mark first compares the row there with it, and a run from
// the first row compares it on the way, so a chain rewritten consistently below the mark is still caught (the
// mark then stays where it is, as the evidence). Someone who can rewrite the database file can rewrite the mark
// as well: this finds damage and tampering by hand, not a forger with the hall's code.
import type { ChainBreakInfo, ChainRun, ChainStatus, ChainTrigger } from '../common/http-api.ts';
import { GENESIS, verifyRows, type ChainLink } from './chain-hash.ts';
import type { Store } from './store/database.ts';
import { eventAt, eventPage } from './store/event-table.ts';
import { getMeta, setMeta } from './store/meta-table.ts';

const MARK_KEY = 'chain_verified';
const START: ChainLink = { seq: 0, hash: GENESIS };
/** Rows read at a time (about 2 ms of reading and hashing). */
export const CHAIN_PAGE_ROWS = 500;
/** How long the auditor works before it lets the event loop run (tests/integration/audit-chain.test.ts measures
 *  the longest hold over a million rows). */
export const CHAIN_SLICE_MS = 8;
/** How often a long run records its progress as the mark: each write is a commit with its fsync, which on a
 *  busy disk can take longer than a slice of checking. */
const MARK_EVERY_MS = 5_000;

export interface ChainAuditorDeps {
  store: Store;
  head(): number;
  now(): number;
  log(line: string): void;
  pageRows?: number;
  sliceMs?: number;
}

export interface ChainAuditor {
  status(): ChainStatus;
  /** Starts a run unless one is going on; answers the status either way. */
  check(trigger: ChainTrigger, from: 'mark' | 'start'): ChainStatus;
  /** Resolves once no run is going on. */
  idle(): Promise<void>;
  /** Ends a run at its next slice (before the store closes); no run starts after it. */
  stop(): Promise<void>;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createChainAuditor(deps: ChainAuditorDeps): ChainAuditor {
  const { store, log } = deps;
  const pageRows = deps.pageRows ?? CHAIN_PAGE_ROWS;
  const sliceMs = deps.sliceMs ?? CHAIN_SLICE_MS;
  const stored = getMeta(store, MARK_KEY);
  let mark: ChainLink = stored ? (JSON.parse(stored) as ChainLink) : START;
  let current: ChainStatus = { state: 'unchecked', verifiedSeq: mark.seq, headSeq: deps.head(), broken: null, run: null };
  let running: Promise<void> | null = null;
  let stopping = false;

  const moveMark = (link: ChainLink) => {
    mark = link;
    setMeta(store, MARK_KEY, JSON.stringify(link));
  };

  /** The row at the mark must still carry the hash it had when it was verified. */
  const anchorBreak = (): ChainBreakInfo['reason'] | null => {
    if (mark.seq === 0) return null;
    const row = eventAt(store, mark.seq);
    return !row ? 'missing' : row.hash !== mark.hash ? 'anchor' : null;
  };

  async function run(trigger: ChainTrigger, from: 'mark' | 'start'): Promise<void> {
    const anchor = mark;
    let link = from === 'mark' ? mark : START;
    const progress: ChainRun = {
      trigger, from: link.seq, target: deps.head(), atSeq: link.seq, rowsRead: 0, startedAt: deps.now(), finishedAt: null, longestSliceMs: 0,
    };
    const report = (patch: Partial<ChainStatus>) => (current = { ...current, verifiedSeq: mark.seq, run: { ...progress }, ...patch });
    report({ state: 'running' });
    const found = (seq: number, reason: ChainBreakInfo['reason']): ChainBreakInfo => ({ seq, reason, foundAt: deps.now() });
    const atAnchor = from === 'mark' ? anchorBreak() : null;
    let broken: ChainBreakInfo | null = atAnchor ? found(anchor.seq, atAnchor) : null;
    let markedAt = performance.now();
    while (!broken && !stopping && link.seq < progress.target) {
      const began = performance.now();
      do {
        const page = eventPage(store, link.seq, Math.min(pageRows, progress.target - link.seq));
        progress.rowsRead += page.length;
        const result = verifyRows(link, page);
        const passed = page.find((r) => r.seq === anchor.seq && r.seq <= result.last.seq);
        if (passed && passed.hash !== anchor.hash) broken = found(anchor.seq, 'anchor');
        else if (result.broken) broken = found(result.broken.seq, result.broken.reason);
        else if (page.length === 0) broken = found(link.seq + 1, 'missing');
        if (broken?.reason !== 'anchor') link = result.last;
      } while (!broken && link.seq < progress.target && performance.now() - began < sliceMs);
      // The mark moves forward as the run goes, back below a broken row, and stays put on a rewritten anchor.
      const due = broken || link.seq >= progress.target || performance.now() - markedAt >= MARK_EVERY_MS;
      if (due && broken?.reason !== 'anchor' && (broken || link.seq > mark.seq)) {
        moveMark(link);
        markedAt = performance.now();
      }
      progress.atSeq = link.seq;
      progress.longestSliceMs = Math.max(progress.longestSliceMs, performance.now() - began);
      report({});
      if (!broken) await yieldToEventLoop();
    }
    if (stopping && !broken && link.seq > mark.seq) moveMark(link);
    progress.finishedAt = deps.now();
    const span = `seq ${progress.from + 1}–${progress.atSeq}, ${progress.rowsRead} rows read in ${progress.finishedAt - progress.startedAt} ms (longest hold of the event loop ${progress.longestSliceMs.toFixed(1)} ms)`;
    if (broken) {
      log(`audit chain BROKEN at seq ${broken.seq} (${broken.reason}): that stored event does not verify; verified up to seq ${mark.seq}; ${span}, ${trigger}`);
      report({ state: 'broken', broken });
    } else if (stopping) {
      report({ state: current.broken ? 'broken' : 'unchecked' });
    } else {
      log(`audit chain intact to seq ${progress.atSeq}: ${span}, ${trigger}`);
      report({ state: 'intact', broken: null });
    }
  }

  return {
    status: () => ({ ...current, headSeq: deps.head() }),
    check(trigger, from) {
      if (!running && !stopping) {
        running = run(trigger, from)
          .catch((error: unknown) => {
            log(`audit chain check failed: ${(error as Error).stack ?? String(error)}`);
            current = { ...current, state: current.broken ? 'broken' : 'unchecked' };
          })
          .finally(() => (running = null));
      }
      return { ...current, headSeq: deps.head() };
    },
    idle: async () => {
      await running;
    },
    async stop() {
      stopping = true;
      await running;
    },
  };
}
