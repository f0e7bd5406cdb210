// The words of the typhoon views (console import, wall panel, map replay), Chinese first, English beside them.
import { useCallback } from 'react';
import { useLanguage } from '../i18n/language.tsx';

const WORDS = {
  typhoonTitle: { zh: '台风路径', en: 'Typhoon tracks' },
  typhoonImport: { zh: '导入台风路径（CMA 最佳路径或台风路径 JSON）', en: 'Import a typhoon track (CMA best track or track JSON)' },
  typhoonDrop: { zh: '或将文件拖放到此处', en: 'or drop the file here' },
  typhoonImporting: { zh: '正在导入', en: 'Importing' },
  typhoonImported: { zh: '已导入', en: 'Imported' },
  typhoonRefused: { zh: '未导入（文件有误，未保存任何内容）：', en: 'Not imported (nothing stored): ' },
  typhoonNone: { zh: '尚未导入台风路径', en: 'No typhoon track imported yet' },
  typhoonName: { zh: '名称', en: 'Name' },
  typhoonNumber: { zh: '编号', en: 'Number' },
  typhoonSpan: { zh: '时段', en: 'Span' },
  typhoonPeak: { zh: '最强', en: 'Peak' },
  typhoonSource: { zh: '来源', en: 'Source' },
  typhoonDistance: { zh: '距街道', en: 'To the street' },
  typhoonGale: { zh: '七级风圈抵达', en: 'Gale (force 7) arrives' },
  typhoonClosest: { zh: '最近距离', en: 'Closest approach' },
  typhoonWall: { zh: '大屏', en: 'Wall' },
  typhoonOnWall: { zh: '大屏显示中', en: 'On the wall' },
  typhoonShowOnWall: { zh: '上墙显示', en: 'Show on the wall' },
  typhoonShownOnWall: { zh: '已上墙显示', en: 'Now on the wall' },
  typhoonNow: { zh: '当前', en: 'Now' },
  typhoonInGale: { zh: '已在七级风圈内', en: 'In gale now' },
  typhoonGaleNone: { zh: '资料期内不受七级风影响', en: 'No gale within the data' },
  typhoonGaleUnknown: { zh: '风圈资料缺失，无法判断', en: 'Not known: no wind radii' },
  typhoonByForecast: { zh: '据预报', en: 'by forecast' },
  typhoonNotThere: { zh: '不在路径时段内', en: 'Outside the track' },
  typhoonNoCentre: { zh: '站点未设置街道中心', en: 'The site has no street centre' },
  typhoonWind: { zh: '最大风速', en: 'Max wind' },
  typhoonPressure: { zh: '中心气压', en: 'Pressure' },
  typhoonLandfall: { zh: '登陆', en: 'Landfall' },
  typhoonReplayAt: { zh: '回放时刻', en: 'Replay time' },
  typhoonPlay: { zh: '播放', en: 'Play' },
  typhoonPause: { zh: '暂停', en: 'Pause' },
  typhoonView: { zh: '台风', en: 'Typhoon' },
  typhoonHoursPerSecond: { zh: '小时/秒', en: 'h/s' },
  typhoonInHours: { zh: '小时后', en: 'h from now' },
  typhoonChartWind: { zh: '最大风速 (m/s)', en: 'Max wind (m/s)' },
  typhoonLegendTrack: { zh: '实况路径（按强度）', en: 'Track (by intensity)' },
  typhoonLegendForecast: { zh: '预报路径与不确定范围', en: 'Forecast and cone' },
  typhoonLegendCircles: { zh: '七/十/十二级风圈', en: 'Force 7/10/12 circles' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type TyphoonWord = keyof typeof WORDS;

export function useTyphoonWords(): (word: TyphoonWord) => string {
  const { language } = useLanguage();
  return useCallback((word: TyphoonWord) => WORDS[word][language], [language]);
}
