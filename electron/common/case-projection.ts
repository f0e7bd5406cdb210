// The case projection as a pure reducer over hall events. The hall core applies it before writing its
// `cases` table and every client applies it to its in-memory copy, so both read the log the same way.
import type { CaseView, HallEvent } from './protocol.ts';

export type CaseMap = Map<string, CaseView>;

/** The case an event is about. */
export function caseIdOf(event: HallEvent): string {
  switch (event.type) {
    case 'case.created':
      return event.payload.id;
  }
}

export function applyEvent(cases: CaseMap, event: HallEvent): CaseView {
  switch (event.type) {
    case 'case.created': {
      const view = event.payload;
      cases.set(view.id, view);
      return view;
    }
  }
}
