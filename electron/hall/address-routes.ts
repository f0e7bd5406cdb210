// GET /api/geocode: the gazetteer's answer for an address typed at intake, so the operator sees where a case
// will be placed (or why it cannot be) before sending it.
import type { Gazetteer } from '../common/address/gazetteer.ts';
import { geocode } from '../common/address/geocode.ts';
import type { GeocodeAnswer } from '../common/http-api.ts';
import { sendJson } from './http-replies.ts';
import type { RouteTable } from './http-routes.ts';

export function addressRoutes(gazetteer: Gazetteer): RouteTable {
  return {
    geocode: ({ res, query }) => {
      const found = geocode(gazetteer, query.address);
      const answer: GeocodeAnswer = found.match === 'unmatched' ? { match: 'unmatched', code: found.code, reason: found.reason } : found;
      sendJson(res, 200, answer);
    },
  };
}
