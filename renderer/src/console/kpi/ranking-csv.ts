// The ranking shown on the console as CSV for Excel: a byte-order mark so Excel reads the Chinese as UTF-8,
// CRLF lines, fields quoted where they must be (RFC 4180), rates as percentages with one decimal.
export interface RankingRow { rank: number; unit: string; rate: number | null; numerator: number; denominator: number; target?: number; verdict: string }

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const percent = (rate: number | null | undefined) => (rate == null ? '' : `${(rate * 100).toFixed(1)}%`);

export function rankingCsv(headers: readonly string[], rows: readonly RankingRow[]): string {
  const lines = [
    headers,
    ...rows.map((r) => [r.rank === 0 ? '' : String(r.rank), r.unit, percent(r.rate), String(r.numerator), String(r.denominator), percent(r.target), r.verdict]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(field).join(',')).join('\r\n')}\r\n`;
}
