// The Open311 service list is the hall's own case categories (those with responsibility rules, S-4.4), each
// with a stable ASCII service_code for URLs and the Chinese category as its name.
import type { Urgency } from '../../common/domain/case-model.ts';
import { DEMO_RESPONSIBILITY_RULES } from '../../common/domain/responsibility.ts';

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

interface ServiceMeta { code: string; group: string; description: string; keywords: string; urgency: Urgency }

const META: Readonly<Record<string, ServiceMeta>> = {
  市容环境: { code: 'city-appearance', group: '城市管理', description: '垃圾满溢、乱堆物、共享单车乱停放等', keywords: '垃圾,堆物,单车', urgency: 'general' },
  违法建筑: { code: 'illegal-building', group: '城市管理', description: '违法搭建、擅自改建', keywords: '违建,搭建', urgency: 'general' },
  设施管理: { code: 'facilities', group: '城市管理', description: '窨井盖缺失、路灯不亮、道路破损等', keywords: '井盖,路灯,道路', urgency: 'general' },
  园林绿化: { code: 'greenery', group: '城市管理', description: '树木倒伏、绿化损坏', keywords: '树木,绿化', urgency: 'general' },
  街面秩序: { code: 'street-order', group: '城市管理', description: '占道经营、违章停车等', keywords: '占道,停车,设摊', urgency: 'general' },
  市场监管: { code: 'market', group: '市场监管', description: '无证经营、食品安全等', keywords: '无证,食品', urgency: 'general' },
  治安防控: { code: 'public-security', group: '社会治理', description: '治安隐患（非警情）', keywords: '治安', urgency: 'general' },
  噪声扰民: { code: 'noise', group: '社会治理', description: '施工噪声、社会生活噪声扰民', keywords: '噪声,施工', urgency: 'general' },
  群租: { code: 'group-renting', group: '社会治理', description: '群租、违规居住', keywords: '群租', urgency: 'general' },
  环境保护: { code: 'environment', group: '生态环境', description: '餐饮油烟、违法排污等', keywords: '油烟,排污', urgency: 'general' },
  防汛防台: { code: 'flood-typhoon', group: '城市安全', description: '道路积水、防汛防台险情', keywords: '积水,台风', urgency: 'urgent' },
  安全隐患: { code: 'safety-hazard', group: '城市安全', description: '广告牌松动、墙体开裂等重大安全隐患', keywords: '隐患,广告牌', urgency: 'urgent' },
};

/** A category without its own entry above still gets served, under its Chinese name as code. */
const metaOf = (category: string): ServiceMeta =>
  META[category] ?? { code: category, group: '其他', description: category, keywords: '', urgency: 'general' };

export const SERVICES: readonly Service[] = Object.keys(DEMO_RESPONSIBILITY_RULES).map((category) => {
  const { code, group, description, keywords } = metaOf(category);
  return { service_code: code, service_name: category, description, metadata: false, type: 'realtime', keywords, group };
});

const byCode = new Map(SERVICES.map((s) => [s.service_code, s.service_name]));

/** The hall category of a service code; undefined for a code the hall does not serve. */
export const categoryOf = (code: string): string | undefined => byCode.get(code);

/** The service code of a case's category; a category from elsewhere (an ingested feed) is its own code. */
export const serviceCodeOf = (category: string): string => META[category]?.code ?? category;

export const defaultUrgency = (category: string): Urgency => metaOf(category).urgency;
