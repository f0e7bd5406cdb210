// Brings the records of another 311 system into the hall as cases with their real history: the case is
// created at its request time, registered then, and a closed request is dispatched, handled, verified and
// closed with the lifecycle acts of S-4.2, each logged at its historical time (the event's `at`, which the
// projection takes as the milestone). Each act is checked with the same lifecycle rules as a console's.
// The records say nothing of arrival or verification: those acts are put at the closing time, the latest
// they can have happened. One transaction for the whole feed; a re-delivered feed lands once.
import { checkAct, applyAct, type Actor } from '../../common/domain/case-lifecycle.ts';
import type { CaseAction, CaseDraft, CaseSource, Department } from '../../common/domain/case-model.ts';
import { responsibilityFor } from '../../common/domain/responsibility.ts';
import type { HallEvent } from '../../common/protocol.ts';
import { caseCreatedSpec } from '../commands.ts';
import type { Appended, EventLog } from '../event-log.ts';
import type { FeedRecord } from './feed-records.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { serviceCatalogue, type ServiceCatalogue } from './service-catalogue.ts';

export interface IngestOptions {
  /** Names the feed in idempotency keys, e.g. `boston311`: the same record id from two feeds is two cases. */
  feed: string;
  /** Source of records that carry none (an Open311 feed does not say how a request came in). */
  defaultSource?: CaseSource;
}

export interface IngestResult { created: string[]; alreadyThere: string[]; appended: Appended[] }

/** The import acts as the centre itself (the console's rights) and logs as `upstream`: the records come
 *  from outside and must not be sent back out as the hall's own cases. */
const IMPORTER: Actor = { role: 'console', department: 'command' };
const NOTE_MAX = 500;

function draftOf(r: FeedRecord, defaultSource: CaseSource, catalogue: ServiceCatalogue): CaseDraft {
  const category = (catalogue.categoryOf(r.serviceCode) ?? r.serviceName ?? r.serviceCode).slice(0, 50);
  return {
    title: (r.title ?? r.description.split('\n')[0] ?? '').slice(0, 200) || category,
    description: r.description.slice(0, 4000),
    source: r.source ?? defaultSource,
    urgency: catalogue.urgencyOf(category),
    category,
    address: r.address.slice(0, 200),
    ...(r.location ? { location: r.location } : {}),
    ...(r.expectedAt === null ? {} : { dueAt: r.expectedAt }),
    externalId: r.externalId.slice(0, 80),
  };
}

function actsOf(r: FeedRecord, lead: Department): Array<{ act: CaseAction; at: number }> {
  const acts: Array<{ act: CaseAction; at: number }> = [{ act: { action: 'register' }, at: r.requestedAt }];
  if (r.status !== 'closed' || r.closedAt === null) return acts;
  const note = (r.statusNotes ?? '已办结（外部系统记录）').slice(0, NOTE_MAX);
  return [
    ...acts,
    { act: { action: 'dispatch', lead, assisting: [], forces: [], dutyRule: 'clear' }, at: r.requestedAt },
    { act: { action: 'arrive' }, at: r.closedAt },
    { act: { action: 'handle', note, attachments: [], selfHandled: false }, at: r.closedAt },
    { act: { action: 'verify', passed: true, note: '' }, at: r.closedAt },
    { act: { action: 'close', note }, at: r.closedAt },
  ];
}

export function ingestFeed(log: EventLog, records: readonly FeedRecord[], site: SiteRules, options: IngestOptions): IngestResult {
  const catalogue = serviceCatalogue(site);
  const name = (d: string) => site.department(d).zh;
  if (!/^[\w.-]{1,40}$/.test(options.feed)) throw new RangeError(`feed name ${JSON.stringify(options.feed)}: 1-40 letters, digits, _ . -`);
  const result: IngestResult = { created: [], alreadyThere: [], appended: [] };
  log.batch(() => {
    for (const record of records) {
      const key = `open311-feed/${options.feed}/${record.externalId}`;
      const draft = draftOf(record, options.defaultSource ?? 'hotline12345', catalogue);
      const created = log.append({ ...caseCreatedSpec(draft, { origin: 'upstream', seat: null, idemKey: key, at: record.requestedAt }), at: record.requestedAt });
      let view = (created.event as Extract<HallEvent, { type: 'case.created' }>).payload;
      if (created.duplicate) {
        result.alreadyThere.push(view.id);
        continue;
      }
      result.created.push(view.id);
      result.appended.push(created);
      // A category the site leaves unclear (or does not know) is recorded as led by the centre itself.
      const lead = responsibilityFor(draft.category, site.responsibility).lead ?? 'command';
      for (const { act, at } of actsOf(record, lead)) {
        const check = checkAct(view, act, IMPORTER, at, name);
        if (!check.ok) throw new RangeError(`record ${record.externalId}: ${act.action} refused: ${check.reason}`);
        const caseId = view.id;
        const from = view.state;
        result.appended.push(log.append({ type: 'case.transitioned', origin: 'upstream', seat: null, idemKey: `${key}/${act.action}`, at, payload: () => ({ caseId, act, from, to: check.to }) }));
        view = applyAct(view, act, check.to, at);
      }
    }
  });
  return result;
}
