// The hall's side of the flood assets: a report of a flood point, pump or shelter, checked by
// common/emergency/asset-rules.ts, becomes its event.
import type { AssetCommand } from '../../common/emergency/asset-model.ts';
import { assetRefusal, type AssetPlaces } from '../../common/emergency/asset-rules.ts';
import type { HallEvent, Officer, Origin, SeatInfo } from '../../common/protocol.ts';
import type { Appended, AppendSpec, EventLog } from '../event-log.ts';

interface By { origin: Origin; seat: string; officer?: Officer; idemKey: string }

export type AssetResult = ({ ok: true } & Appended) | { ok: false; code: 'forbidden' | 'invalid-command'; message: string };

export function executeAssetCommand(ctx: { log: EventLog; places: AssetPlaces }, seat: SeatInfo, command: AssetCommand, by: By): AssetResult {
  const refusal = assetRefusal(command, seat, ctx.places);
  if (refusal) return { ok: false, ...refusal };
  const { kind, ...payload } = command;
  return { ok: true, ...ctx.log.append({ type: kind, ...by, payload: () => payload } as AppendSpec<HallEvent>) };
}
