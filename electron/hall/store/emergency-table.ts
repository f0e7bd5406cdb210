// The emergency_episodes, plans, situation_reports and emergency_reviews tables (S-6.3, S-6.5, S-6.6): episodes
// and their pre-plans as they now are (projected from the log), the situation reports the log's events carry, and
// the after-action reviews built at each stand-down.
import type { EmergencyEpisode, PlanView } from '../../common/preplan/plan-model.ts';
import type { SituationReport, SituationReportRef } from '../../common/preplan/situation-model.ts';
import type { Store } from './database.ts';

const parse = <T>(rows: Array<{ view: string }>) => rows.map((r) => JSON.parse(r.view) as T);

export function upsertEpisode(db: Store, episode: EmergencyEpisode): void {
  db.run(
    'INSERT INTO emergency_episodes (seq, ended_seq, view) VALUES (?, ?, ?) ON CONFLICT (seq) DO UPDATE SET ended_seq = excluded.ended_seq, view = excluded.view',
    episode.seq, episode.endedSeq, JSON.stringify(episode),
  );
}

export const latestEpisode = (db: Store): EmergencyEpisode | null =>
  parse<EmergencyEpisode>(db.all<{ view: string }>('SELECT view FROM emergency_episodes ORDER BY seq DESC LIMIT 1'))[0] ?? null;

export const loadEpisode = (db: Store, seq: number): EmergencyEpisode | null =>
  parse<EmergencyEpisode>(db.all<{ view: string }>('SELECT view FROM emergency_episodes WHERE seq = ?', seq))[0] ?? null;

/** Every episode, the latest first. */
export const loadEpisodes = (db: Store): EmergencyEpisode[] => parse(db.all<{ view: string }>('SELECT view FROM emergency_episodes ORDER BY seq DESC'));

export function upsertPlan(db: Store, plan: PlanView): void {
  db.run(
    'INSERT INTO plans (id, episode_seq, no, view) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET view = excluded.view',
    plan.id, plan.episodeSeq, plan.no, JSON.stringify(plan),
  );
}

/** The plan activated last (in force, or the last one closed). */
export const latestPlan = (db: Store): PlanView | null => parse<PlanView>(db.all<{ view: string }>('SELECT view FROM plans ORDER BY no DESC LIMIT 1'))[0] ?? null;

export function insertSituationReport(db: Store, report: SituationReport): void {
  db.run(
    'INSERT INTO situation_reports (id, episode_seq, no, at, trigger, report) VALUES (?, ?, ?, ?, ?, ?)',
    report.id, report.episodeSeq, report.no, report.at, report.trigger, JSON.stringify(report),
  );
}

const refOf = ({ id, no, episodeSeq, at, trigger, drill }: SituationReport): SituationReportRef => ({ id, no, episodeSeq, at, trigger, drill });

/** An episode's reports (every episode's when none is named), oldest first. */
export const situationReportRefs = (db: Store, episodeSeq?: number): SituationReportRef[] =>
  db.all<{ report: string }>(
    `SELECT report FROM situation_reports ${episodeSeq === undefined ? '' : 'WHERE episode_seq = ?'} ORDER BY episode_seq, no`,
    ...(episodeSeq === undefined ? [] : [episodeSeq]),
  ).map((r) => refOf(JSON.parse(r.report) as SituationReport));

export const loadSituationReport = (db: Store, id: string): SituationReport | undefined => {
  const row = db.get<{ report: string }>('SELECT report FROM situation_reports WHERE id = ?', id);
  return row && (JSON.parse(row.report) as SituationReport);
};

/** The report numbers an episode has used, and when its last scheduled one was issued. */
export function situationCounts(db: Store, episodeSeq: number): { last: number; lastScheduledAt: number | null } {
  const row = db.get<{ last: number | null; scheduled: number | null }>(
    "SELECT max(no) AS last, max(CASE WHEN trigger = 'schedule' THEN at END) AS scheduled FROM situation_reports WHERE episode_seq = ?",
    episodeSeq,
  );
  return { last: row?.last ?? 0, lastScheduledAt: row?.scheduled ?? null };
}

export interface StoredReview { episodeSeq: number; endSeq: number; version: number; builtAt: number; json: string }

export function saveReview(db: Store, review: StoredReview): void {
  db.run(
    `INSERT INTO emergency_reviews (episode_seq, end_seq, version, built_at, review) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (episode_seq) DO UPDATE SET end_seq = excluded.end_seq, version = excluded.version, built_at = excluded.built_at, review = excluded.review`,
    review.episodeSeq, review.endSeq, review.version, review.builtAt, review.json,
  );
}

export const loadReview = (db: Store, episodeSeq: number): StoredReview | undefined =>
  db.get<StoredReview>('SELECT episode_seq AS episodeSeq, end_seq AS endSeq, version, built_at AS builtAt, review AS json FROM emergency_reviews WHERE episode_seq = ?', episodeSeq);

/** The episode the switch at this sequence ended, if it ended one. */
export const episodeEndedBy = (db: Store, seq: number): EmergencyEpisode | null =>
  parse<EmergencyEpisode>(db.all<{ view: string }>('SELECT view FROM emergency_episodes WHERE ended_seq = ?', seq))[0] ?? null;
