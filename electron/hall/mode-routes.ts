// HTTP for the command modes (console seats only): the history of switches the 应急指挥 tab shows.
import { sendJson } from './http-replies.ts';
import type { RouteTable } from './http-routes.ts';
import type { Store } from './store/database.ts';
import { modeHistory } from './store/mode-history.ts';

/** Enough for months of switches; older ones stay in the log and the after-action reviews. */
const HISTORY_LIMIT = 200;

export const modeRoutes = (store: Store): RouteTable => ({
  modeHistory: ({ res }) => sendJson(res, 200, modeHistory(store, HISTORY_LIMIT)),
});
