import { matchRateLines, ticketMatchRate } from '/work/wt/upbench/tests/helpers/ticket-match-rate.ts';
const t=performance.now();
console.log(matchRateLines(ticketMatchRate(5000, 20260712)).join('\n'));
console.log(performance.now()-t);
