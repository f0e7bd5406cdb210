// A hall case as an Open311 GeoReport v2 service request. Open311 knows two states: a case is `closed` once
// the hall has finished with it (closed, evaluated, rejected, merged), `open` otherwise; status_notes says
// which hall state it is in. Date-times are Beijing time with their +08:00 offset.
import { FINISHED_STATES } from '../../common/case-window.ts';
import type { CaseView } from '../../common/domain/case-model.ts';
import { STATE_LABELS } from '../../common/domain/labels.ts';
import { deadlineOf, type KpiRules } from '../../common/kpi/kpi-definitions.ts';
import { isoBeijing } from '../../common/kpi/periods.ts';
import { serviceCodeOf } from './service-catalogue.ts';

export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
}

export const isFinished = (c: CaseView) => FINISHED_STATES.includes(c.state);

export function toServiceRequest(c: CaseView, site: { rules: KpiRules; department(id: string): { zh: string } }): ServiceRequest {
  const finished = isFinished(c);
  const deadline = deadlineOf(c, site.rules) ?? c.dueAt ?? null;
  return {
    service_request_id: c.id,
    status: finished ? 'closed' : 'open',
    status_notes: c.duplicateOf ? `已合并至 ${c.duplicateOf}` : STATE_LABELS[c.state].zh,
    service_name: c.category,
    service_code: serviceCodeOf(c.category),
    description: c.description || c.title,
    agency_responsible: c.lead ? site.department(c.lead).zh : null,
    service_notice: finished ? null : c.registeredAt === null ? '已上报城运中心，等待受理' : '已受理，正在办理',
    requested_datetime: isoBeijing(c.createdAt),
    // A closed request's update time is its closing time (GeoReport v2).
    updated_datetime: isoBeijing(finished ? (c.closedAt ?? c.updatedAt) : c.updatedAt),
    expected_datetime: deadline === null ? null : isoBeijing(deadline),
    address: c.address || null,
    lat: c.location?.lat ?? null,
    long: c.location?.lon ?? null,
  };
}
