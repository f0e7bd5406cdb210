// How an event row of the log is read back and put on the wire.
export interface EventRow { seq: number; id: string; type: string; origin: string; at: number; seat: string | null; payload: string; hash: string }

export const EVENT_COLUMNS = 'seq, id, type, origin, at, seat, payload, hash';

/** The wire form of a stored event, built from the stored payload text without re-serialising it. */
export const eventJson = (r: EventRow) =>
  `{"seq":${r.seq},"id":${JSON.stringify(r.id)},"type":${JSON.stringify(r.type)},"origin":"${r.origin}","at":${r.at},"seat":${JSON.stringify(r.seat)},"payload":${r.payload}}`;
