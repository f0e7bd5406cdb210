// Where a card beside a point on a monitor goes so that it stays whole on that monitor (a bezel would cut it).

export interface Size { width: number; height: number }

/**
 * The card's top-left corner: right of the point (`gap` away) if it fits there, else left of it; centred on it
 * in height; in any case at least `edge` inside `area`.
 */
export function placeCard(at: { x: number; y: number }, card: Size, area: Size, gap: number, edge: number): { left: number; top: number } {
  const right = at.x + gap;
  const left = right + card.width <= area.width - edge ? right : at.x - gap - card.width;
  const within = (value: number, size: number, room: number) => Math.max(edge, Math.min(value, room - size - edge));
  return { left: within(left, card.width, area.width), top: within(at.y - card.height / 2, card.height, area.height) };
}
