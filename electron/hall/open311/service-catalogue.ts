// The Open311 service list is the site's case categories (site-config.ts), each with a stable ASCII
// service_code for URLs and the Chinese category as its name.
import type { Urgency } from '../../common/domain/case-model.ts';
import type { SiteRules } from '../../common/site/site-config.ts';

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

interface ServiceMeta { code: string; group: string; description: string; keywords: string }

const META: Readonly<Record<string, ServiceMeta>> = {
  市容环境: { code: 'city-appearance', group: '城市管理', description: '垃圾满溢、乱堆物、共享单车乱停放等', keywords: '垃圾,堆物,单车' },
  物业管理: { code: 'property', group: '社会治理', description: '物业服务、小区设施', keywords: '物业,小区' },
  安全生产: { code: 'work-safety', group: '城市安全', description: '生产经营单位安全隐患', keywords: '安全生产' },
  违法建筑: { code: 'illegal-building', group: '城市管理', description: '违法搭建、擅自改建', keywords: '违建,搭建' },
  设施管理: { code: 'facilities', group: '城市管理', description: '窨井盖缺失、路灯不亮、道路破损等', keywords: '井盖,路灯,道路' },
  园林绿化: { code: 'greenery', group: '城市管理', description: '树木倒伏、绿化损坏', keywords: '树木,绿化' },
  街面秩序: { code: 'street-order', group: '城市管理', description: '占道经营、违章停车等', keywords: '占道,停车,设摊' },
  市场监管: { code: 'market', group: '市场监管', description: '无证经营、食品安全等', keywords: '无证,食品' },
  治安防控: { code: 'public-security', group: '社会治理', description: '治安隐患（非警情）', keywords: '治安' },
  噪声扰民: { code: 'noise', group: '社会治理', description: '施工噪声、社会生活噪声扰民', keywords: '噪声,施工' },
  群租: { code: 'group-renting', group: '社会治理', description: '群租、违规居住', keywords: '群租' },
  环境保护: { code: 'environment', group: '生态环境', description: '餐饮油烟、违法排污等', keywords: '油烟,排污' },
  防汛防台: { code: 'flood-typhoon', group: '城市安全', description: '道路积水、防汛防台险情', keywords: '积水,台风' },
  安全隐患: { code: 'safety-hazard', group: '城市安全', description: '广告牌松动、墙体开裂等重大安全隐患', keywords: '隐患,广告牌' },
};

/** A category without its own entry above still gets served, under its Chinese name as code. */
const metaOf = (category: string): ServiceMeta =>
  META[category] ?? { code: category, group: '其他', description: category, keywords: '' };

/** The service code of a case's category; a category from elsewhere (an ingested feed) is its own code. */
export const serviceCodeOf = (category: string): string => META[category]?.code ?? category;

export interface ServiceCatalogue {
  services: readonly Service[];
  /** The hall category of a service code; undefined for a code the hall does not serve. */
  categoryOf(code: string): string | undefined;
  /** The grade a request of this category starts with. */
  urgencyOf(category: string): Urgency;
}

export function serviceCatalogue(site: SiteRules): ServiceCatalogue {
  const services: Service[] = site.site.categories.map(({ name }) => {
    const { code, group, description, keywords } = metaOf(name);
    return { service_code: code, service_name: name, description, metadata: false, type: 'realtime', keywords, group };
  });
  const byCode = new Map(services.map((s) => [s.service_code, s.service_name]));
  return { services, categoryOf: (code) => byCode.get(code), urgencyOf: site.urgencyFor };
}
