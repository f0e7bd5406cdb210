// A new case as intake creates it: state `reported`, every lifecycle field at its starting value.
import type { CaseDraft, CaseView } from './case-model.ts';

export function newCase(draft: CaseDraft, by: { id: string; no: number; at: number; seat: string | null; drill?: boolean }): CaseView {
  return {
    ...draft,
    ...(by.drill ? { drill: true as const } : {}),
    id: by.id, no: by.no, state: 'reported', createdAt: by.at, updatedAt: by.at, createdBySeat: by.seat,
    lead: null, assisting: [], dutyRule: null, forces: [], tier: 'micro',
    registeredAt: null, dispatchedAt: null, acceptedAt: null, onSceneAt: null, handledAt: null, verifiedAt: null,
    closedAt: null, evaluatedAt: null, suspendedFrom: null, suspendedUntil: null, satisfaction: null, resolved: null,
    selfHandled: false, duplicateOf: null, returns: 0, reopens: 0,
  };
}
