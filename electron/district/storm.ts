// What a storm sends besides tickets, only when told (--storm, or the admin interface): the observatory's CAP
// warnings (a rainstorm yellow warning, raised to orange after an hour, lifted when the storm ends) and gauge
// readings. Pure: the XML and the readings are functions of time.
//
// Gauges (data with provenance): the warning tide levels are the published 警戒潮位 of Shanghai flood control,
// Wusong datum: 黄浦公园 4.55 m, 吴淞口 4.80 m. The curves are invented: a semi-diurnal tide (12.42 h) about a
// mean level, plus a surge that builds over three hours of storm and lifts the high tides over the warning
// level; a rain gauge for the street, in millimetres in the last hour. The CAP messages follow the Chinese
// fixtures in tests/fixtures/cap/cn/ (GB/T 35965.1 identifier, CPEAS geocode of 松江区).
import { HOUR, MINUTE } from '../common/domain/beijing-time.ts';
import type { DownBody } from '../common/upstream-protocol.ts';

type GaugeReading = Extract<DownBody, { kind: 'gauge.readings' }>['readings'][number];

export const GAUGES = [
  { gaugeId: 'huangpu-park', name: '黄浦公园', kind: 'tide', warningM: 4.55, meanM: 2.85, amplitudeM: 1.35, surgeM: 0.6 },
  { gaugeId: 'wusongkou', name: '吴淞口', kind: 'tide', warningM: 4.8, meanM: 2.95, amplitudeM: 1.5, surgeM: 0.55 },
] as const;
export const RAIN_GAUGE = { gaugeId: 'zhongshan-rain', name: '中山街道雨量站', kind: 'rain' } as const;

const TIDE_PERIOD = 12.42 * HOUR;
const SURGE_BUILD = 3 * HOUR;
/** The warning is raised to orange this long after the storm began. */
export const ESCALATE_AFTER = HOUR;

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The readings at `at` of a storm that began at `since`. */
export function gaugeReadings(at: number, since: number): GaugeReading[] {
  const built = Math.min(1, Math.max(0, at - since) / SURGE_BUILD);
  const tides = GAUGES.map((g) => ({
    gaugeId: g.gaugeId, kind: g.kind, at,
    value: round2(g.meanM + g.amplitudeM * Math.cos((2 * Math.PI * at) / TIDE_PERIOD) + g.surgeM * built),
  }));
  const rain = 18 + 30 * Math.abs(Math.sin((at - since) / (40 * MINUTE)));
  return [...tides, { gaugeId: RAIN_GAUGE.gaugeId, kind: RAIN_GAUGE.kind, at, value: round2(rain) }];
}

// ---- CAP ------------------------------------------------------------------------------------------------------

const SENDER = 'Songjiang_Meteorological_Observatory';
const SENDER_CODE = '31011741600000';
const SONGJIANG = '310117000000';

export interface CapRef { identifier: string; sent: string }
export type StormWarningLevel = 'yellow' | 'orange';

/** `2026-07-12T14:30:00+08:00` */
export function beijingDateTime(t: number): string {
  return `${new Date(Math.floor(t / 1000) * 1000 + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/** GB/T 35965.1: sender code and the Beijing time entered, e.g. 31011741600000_20260712143000. */
export const capIdentifier = (t: number) => `${SENDER_CODE}_${beijingDateTime(t).slice(0, 19).replace(/\D/g, '')}`;

const LEVELS = {
  yellow: { zh: '黄色', numeral: 'Ⅲ级/较重', severity: 'Moderate', text: '预计6小时内本区降雨量将达50毫米以上,或者已达50毫米以上且降雨可能持续' },
  orange: { zh: '橙色', numeral: 'Ⅱ级/严重', severity: 'Severe', text: '预计3小时内本区降雨量将达50毫米以上,或者已达50毫米以上且降雨可能持续' },
} as const;

const area = `
        <area>
            <areaDesc>松江区</areaDesc>
            <geocode>
                <valueName>CPEAS Geographic Code</valueName>
                <value>${SONGJIANG}</value>
            </geocode>
        </area>`;

function envelope(t: number, msgType: 'Alert' | 'Update' | 'Cancel', references: CapRef | null, info: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
    <identifier>${capIdentifier(t)}</identifier>
    <sender>${SENDER}</sender>
    <sent>${beijingDateTime(t)}</sent>
    <status>Actual</status>
    <msgType>${msgType}</msgType>
    <scope>Public</scope>${references ? `
    <references>${SENDER},${references.identifier},${references.sent}</references>` : ''}
    <info>
        <language>zh-CN</language>
        <category>Met</category>
        <event>暴雨</event>${info}${area}
    </info>
</alert>
`;
}

/** A rainstorm warning issued at t (an Alert, or an Update of `references` raising its level). */
export function rainstormWarning(t: number, level: StormWarningLevel, references: CapRef | null): { xml: string; ref: CapRef } {
  const l = LEVELS[level];
  const clock = beijingDateTime(t);
  const said = `${clock.slice(0, 4)}年${clock.slice(5, 7)}月${clock.slice(8, 10)}日${clock.slice(11, 13)}时${clock.slice(14, 16)}分`;
  const headline = references ? `松江区气象台将暴雨黄色预警升级为${l.zh}[${l.numeral}]` : `松江区气象台发布暴雨${l.zh}预警[${l.numeral}]`;
  const info = `
        <responseType>Prepare</responseType>
        <urgency>Expected</urgency>
        <severity>${l.severity}</severity>
        <certainty>Likely</certainty>
        <eventCode>
            <valueName>预警事件类型</valueName>
            <value>11B03</value>
        </eventCode>
        <eventCode>
            <valueName>预警级别</valueName>
            <value>${l.zh}</value>
        </eventCode>
        <effective>${clock}</effective>
        <expires>${beijingDateTime(t + 24 * HOUR)}</expires>
        <senderName>松江区气象台</senderName>
        <headline>${headline}</headline>
        <description>松江区气象台${said}发布暴雨${l.zh}预警信号:${l.text},请注意防范。(模拟数据)</description>
        <instruction>1.政府及相关部门按照职责做好防暴雨应急工作;2.切断低洼地带有危险的室外电源,暂停户外作业。</instruction>`;
  return { xml: envelope(t, references ? 'Update' : 'Alert', references, info), ref: { identifier: capIdentifier(t), sent: clock } };
}

/** The warning lifted at t (a Cancel of `references`). */
export function rainstormAllClear(t: number, level: StormWarningLevel, references: CapRef): { xml: string; ref: CapRef } {
  const info = `
        <responseType>AllClear</responseType>
        <urgency>Past</urgency>
        <severity>${LEVELS[level].severity}</severity>
        <certainty>Observed</certainty>
        <senderName>松江区气象台</senderName>
        <headline>松江区气象台解除暴雨${LEVELS[level].zh}预警</headline>`;
  return { xml: envelope(t, 'Cancel', references, info), ref: { identifier: capIdentifier(t), sent: beijingDateTime(t) } };
}
