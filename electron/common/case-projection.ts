// The case part of the hall state as a pure reducer over hall events (see hall-state.ts for the whole).
import { applyAct } from './domain/case-lifecycle.ts';
import type { CaseView, HallEvent } from './protocol.ts';

export type CaseMap = Map<string, CaseView>;

/** Folds one event into the map; returns the case as it now is, or undefined when the event is about no
 *  case this map holds (another kind of event, or a case this client cannot see). */
export function applyEvent(cases: CaseMap, event: HallEvent): CaseView | undefined {
  switch (event.type) {
    case 'case.created':
      cases.set(event.payload.id, event.payload);
      return event.payload;
    case 'case.transitioned': {
      const current = cases.get(event.payload.caseId);
      if (!current) return undefined;
      const next = applyAct(current, event.payload.act, event.payload.to, event.at);
      cases.set(next.id, next);
      return next;
    }
    default:
      return undefined;
  }
}
