// Applies one message from the district (S-7.1 inbound) inside one transaction with its inbox row and the
// cursor: a ticket becomes a case (its address geocoded offline, S-4.1b), changes and cancellations become acts
// on the case by the reconciliation rules (common/reconcile/down-rules.ts), a disagreement a conflict for the
// commander, a CAP warning goes the one ingest path (emergency/warning-ingest.ts; a refused one keeps its body). Redelivered messages (a key already in the inbox) change nothing.
import { placeDraft } from '../../common/address/placement.ts';
import type { Gazetteer } from '../../common/address/gazetteer.ts';
import { checkAct } from '../../common/domain/case-lifecycle.ts';
import type { CaseAction, CaseDraft, CaseView } from '../../common/domain/case-model.ts';
import { decideDown } from '../../common/reconcile/down-rules.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { DownBody, Ticket } from '../../common/upstream-protocol.ts';
import { caseCreatedSpec } from '../commands.ts';
import type { IngestWarning } from '../emergency/warning-ingest.ts';
import type { Appended, EventLog } from '../event-log.ts';
import type { GaugeIngest } from '../emergency/gauge-ingest.ts';
import type { ForcePositions } from '../force-positions.ts';
import { caseByTicket, loadCase } from '../store/case-table.ts';
import { knownForceIds } from '../store/force-table.ts';
import type { Store } from '../store/database.ts';
import { moveDownCursor, recordDown, seenDown } from '../store/upstream-tables.ts';

/** The centre applies what the district says, with the console's rights (the district is its principal). */
const CENTRE = { role: 'console' as const, department: 'command' };

export interface DownDeps {
  store: Store;
  events: EventLog;
  site: SiteRules;
  gazetteer: Gazetteer;
  positions: ForcePositions;
  ingestWarning: IngestWarning;
  gauges: Pick<GaugeIngest, 'recordGaugeReadings'>;
  now(): number;
  log(line: string): void;
}

/** A district ticket as a draft: its grade if the site has it (else the category's), its address placed. */
export function ticketDraft(ticket: Ticket, site: SiteRules, gazetteer: Gazetteer, demo: boolean): CaseDraft {
  return placeDraft(gazetteer, {
    title: ticket.title, description: ticket.description, source: ticket.source, category: ticket.category,
    urgency: site.grade(ticket.urgency) ? ticket.urgency : site.urgencyFor(ticket.category),
    address: ticket.address, externalId: ticket.ticketNo, ...(ticket.dueAt === undefined ? {} : { dueAt: ticket.dueAt }), ...(demo ? { demo: true } : {}),
  });
}

export function createDownApplier(deps: DownDeps) {
  const { store, events } = deps;

  const act = (view: CaseView, action: CaseAction, idemKey: string, at: number): Appended | null => {
    const check = checkAct(view, action, CENTRE, at, (d) => deps.site.department(d).zh);
    if (!check.ok) {
      deps.log(`upstream: ${action.action} on #${view.no} refused: ${check.reason}`);
      return null;
    }
    return events.append({ type: 'case.transitioned', origin: 'upstream', seat: null, idemKey, at, payload: () => ({ caseId: view.id, act: action, from: view.state, to: check.to }) });
  };

  /** Stores and applies the message with down sequence `seq`; returns what to send to the seats. */
  return function applyDown(seq: number, key: string, body: DownBody, simulated: boolean): Appended[] {
    return events.batch(() => {
      const at = deps.now();
      const appended: Appended[] = [];
      if (seenDown(store, key)) {
        moveDownCursor(store, seq);
        return appended;
      }
      let outcome = 'applied';
      let keepBody = false;
      switch (body.kind) {
        case 'force.positions': {
          // Only the hall's own forces: positions of others would have nothing to show them on, and their ids
          // would pile up in memory for as long as the hall runs.
          const known = knownForceIds(store, body.positions.map((p) => p.id));
          deps.positions.record(body.positions.filter((p) => known.has(p.id)));
          break;
        }
        case 'cap.alert': {
          const taken = deps.ingestWarning(new TextEncoder().encode(body.xml), { via: 'district' });
          if (taken.ok && !taken.duplicate) appended.push(taken.appended);
          if (!taken.ok) {
            outcome = `refused: ${taken.refusal.code}`;
            keepBody = true;
          }
          break;
        }
        case 'gauge.readings': {
          const answer = deps.gauges.recordGaugeReadings(body.readings, 'upstream');
          appended.push(...answer.crossed.filter((a) => !a.duplicate));
          if (answer.refused.length) {
            // The readings refused stay in the inbox body, named in the outcome: nothing the district sent is lost.
            deps.log(`upstream: ${answer.refused.length} gauge readings of ${key} refused: ${answer.refused[0]!.reason}`);
            keepBody = true;
            outcome = `refused ${answer.refused.length}: ${answer.refused[0]!.reason}`.slice(0, 200);
          }
          break;
        }
        default: {
          const ticketNo = 'ticketNo' in body ? body.ticketNo : body.kind === 'ticket.new' ? body.ticket.ticketNo : undefined;
          const found = body.kind === 'case.numbered' ? loadCase(store, body.caseId) : ticketNo ? caseByTicket(store, ticketNo) : undefined;
          const mergedInto = found?.duplicateOf ? loadCase(store, found.duplicateOf) : undefined;
          const decision = decideDown(body, found, mergedInto, (g) => deps.site.grade(g) !== undefined);
          outcome = decision.outcome;
          if (decision.open) {
            const draft = ticketDraft(decision.open, deps.site, deps.gazetteer, simulated);
            appended.push(events.append({ ...caseCreatedSpec(draft, { origin: 'upstream', seat: null, idemKey: `down:${key}`, at: decision.open.reportedAt }) }));
          }
          decision.acts.forEach(({ caseId, act: action }, i) => {
            const view = loadCase(store, caseId);
            const done = view && act(view, action, `down:${key}:${i}`, at);
            if (done) appended.push(done);
          });
          if (decision.conflict) {
            appended.push(events.append({ type: 'conflict.raised', origin: 'upstream', seat: null, idemKey: `down:${key}:conflict`, at, payload: () => ({ conflictId: `down-${seq}`, ...decision.conflict! }) }));
          }
        }
      }
      recordDown(store, seq, key, body, at, outcome, keepBody);
      moveDownCursor(store, seq);
      return appended;
    });
  };
}
