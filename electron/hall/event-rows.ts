// How an event row of the log is read back and put on the wire.
export interface EventRow { seq: number; id: string; type: string; origin: string; at: number; seat: string | null; officer: string | null; payload: string; hash: string }

export const EVENT_COLUMNS = 'seq, id, type, origin, at, seat, officer, payload, hash';

/** The wire form of a stored event, built from the stored payload and officer text without re-serialising them. */
export const eventJson = (r: EventRow) =>
  `{"seq":${r.seq},"id":${JSON.stringify(r.id)},"type":${JSON.stringify(r.type)},"origin":"${r.origin}","at":${r.at},"seat":${JSON.stringify(r.seat)}${r.officer === null ? '' : `,"officer":${r.officer}`},"payload":${r.payload}}`;
