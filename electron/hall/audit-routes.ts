// The audit chain for the console (S-9): its status, and a check run on demand that the console follows by
// polling the status (a million rows take seconds; the answer does not wait for them).
import type { ChainAuditor } from './audit-chain.ts';
import { sendJson } from './http-replies.ts';
import type { RouteTable } from './http-routes.ts';

export function auditRoutes(auditor: ChainAuditor): RouteTable {
  return {
    auditChain: ({ res }) => sendJson(res, 200, auditor.status()),
    auditChainCheck: ({ res, query }) => sendJson(res, 202, auditor.check('console', query.from)),
  };
}
