// The Chinese font the PDF report is set in. PDF viewers cannot be trusted to have one, so it is embedded
// (subset) from a font file on this PC. There is no silent fallback: a Latin-only font would print blank
// boxes, so without a CJK font the PDF is refused with a message that says how to fix it.
import { existsSync } from 'node:fs';

export interface ReportFont {
  path: string;
  /** PostScript name of the face inside a collection (.ttc); not needed for a single .ttf/.otf. */
  family?: string;
}

/** Where the usual CJK fonts live; the first one present is used. */
const KNOWN_FONTS: readonly ReportFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' }, // Debian/Ubuntu fonts-noto-cjk
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' }, // Fedora
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' }, // Windows 微软雅黑
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' }, // macOS
];

export const FONT_ENV = 'HALL_REPORT_FONT';

export class ReportFontMissing extends Error {}

/** The font from HALL_REPORT_FONT (`path` or `path#PostScriptName`), else the first known one installed. */
export function findReportFont(env: NodeJS.ProcessEnv): ReportFont {
  const configured = env[FONT_ENV];
  if (configured) {
    const [path = '', family] = configured.split('#');
    if (!existsSync(path)) throw new ReportFontMissing(`${FONT_ENV}=${configured}: 字体文件不存在 (font file not found)`);
    return family ? { path, family } : { path };
  }
  const found = KNOWN_FONTS.find((f) => existsSync(f.path));
  if (found) return found;
  throw new ReportFontMissing(
    `生成 PDF 日报需要中文字体，本机未找到。请安装 Noto Sans CJK（Debian/Ubuntu: apt-get install fonts-noto-cjk），` +
      `或设置 ${FONT_ENV}=<字体文件>[#PostScript名]。Excel 日报不受影响。` +
      ` (No CJK font for the PDF report: install fonts-noto-cjk or set ${FONT_ENV}.)`,
  );
}
