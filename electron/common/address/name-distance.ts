// Edit distance between two normalised names, for typos in road and place names (容乐东路 for 荣乐东路). A
// direction character (东西南北中) is never a typo: 荣乐东路 and 荣乐西路 are different roads, so any edit that
// touches one costs 2, more than a short name may differ by.
const DIRECTIONS = new Set(['东', '西', '南', '北', '中']);
const cost = (c: string) => (DIRECTIONS.has(c) ? 2 : 1);

/** Levenshtein distance over characters with the direction rule; anything above `limit` is `limit + 1`. */
export function nameDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  const cx = x.map(cost);
  const cy = y.map(cost);
  let previous = [0];
  for (let j = 1; j <= y.length; j++) previous[j] = previous[j - 1]! + cy[j - 1]!;
  for (let i = 1; i <= x.length; i++) {
    const current = [previous[0]! + cx[i - 1]!];
    let rowMin = current[0]!;
    for (let j = 1; j <= y.length; j++) {
      const substitution = x[i - 1] === y[j - 1] ? 0 : Math.max(cx[i - 1]!, cy[j - 1]!);
      current[j] = Math.min(previous[j - 1]! + substitution, previous[j]! + cx[i - 1]!, current[j - 1]! + cy[j - 1]!);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return Math.min(previous[y.length]!, limit + 1);
}
