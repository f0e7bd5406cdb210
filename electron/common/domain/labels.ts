// Words shown to operators for the case domain, in the UI guide's wording (界面用语), with English beside them.
import type { CaseActionName, CaseState, Tier } from './case-model.ts';

export interface Label { zh: string; en: string }

export const STATE_LABELS: Readonly<Record<CaseState, Label>> = {
  reported: { zh: '已上报', en: 'Reported' },
  registered: { zh: '已立案', en: 'Registered' },
  rejected: { zh: '不予立案', en: 'Rejected' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  onScene: { zh: '已到场', en: 'On scene' },
  handled: { zh: '已处置', en: 'Handled' },
  verified: { zh: '已核查', en: 'Verified' },
  closed: { zh: '已结案', en: 'Closed' },
  evaluated: { zh: '已回访', en: 'Evaluated' },
  returned: { zh: '已退单', en: 'Returned' },
  escalated: { zh: '已上报上级', en: 'Escalated' },
  suspended: { zh: '已挂起', en: 'Suspended' },
  reopened: { zh: '重办中', en: 'Reopened' },
  cancelled: { zh: '已撤单', en: 'Cancelled' },
};

export const ACTION_LABELS: Readonly<Record<CaseActionName, Label>> = {
  register: { zh: '受理立案', en: 'Register' },
  reject: { zh: '不予立案', en: 'Reject' },
  dispatch: { zh: '派单', en: 'Dispatch' },
  accept: { zh: '签收', en: 'Accept' },
  arrive: { zh: '到场', en: 'Arrive on scene' },
  handle: { zh: '处置', en: 'Handle' },
  verify: { zh: '核查', en: 'Verify' },
  close: { zh: '结案', en: 'Close' },
  evaluate: { zh: '回访', en: 'Callback' },
  return: { zh: '退单', en: 'Return' },
  escalate: { zh: '上报上级', en: 'Escalate' },
  suspend: { zh: '挂起/延期', en: 'Suspend' },
  resume: { zh: '恢复办理', en: 'Resume' },
  reopen: { zh: '重办', en: 'Reopen' },
  designate: { zh: '指定主办', en: 'Designate lead' },
  merge: { zh: '合并重复', en: 'Merge duplicate' },
  cancel: { zh: '撤单', en: 'Cancel' },
  amend: { zh: '工单变更', en: 'Amend' },
};

export const TIER_LABELS: Readonly<Record<Tier, Label>> = {
  micro: { zh: '微网格', en: 'Micro grid' },
  small: { zh: '小网格', en: 'Small grid' },
  zone: { zh: '中网格', en: 'Zone' },
  street: { zh: '街道', en: 'Street' },
  district: { zh: '区级', en: 'District' },
};
