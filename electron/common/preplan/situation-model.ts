// The situation report (灾情快报, S-6.5) as plain data: tables the xlsx and the PDF both render (the hall's
// reports/situation-*.ts), kept whole in the event that issues it, so a report reads the same whenever it is
// downloaded and the log holds what was reported when.
import { z } from 'zod';
import { Id } from '../domain/case-model.ts';

const time = z.number().int();

export const ReportCell = z.union([z.string(), z.number(), z.null()]);
export const ReportColumn = z.object({
  header: z.string().max(40),
  format: z.enum(['text', 'count', 'percent', 'delta', 'datetime']),
  width: z.number().positive().max(80),
});
export const ReportTableData = z.object({
  title: z.string().max(80),
  columns: z.array(ReportColumn).min(1).max(16),
  rows: z.array(z.array(ReportCell)).max(2000),
  /** Said under the table: why it is empty, where its data comes from. */
  note: z.string().max(200).optional(),
});

export const SituationSection = z.enum(['overview', 'plan', 'stations', 'casesByState', 'casesByGrid', 'forces', 'warnings', 'gauges', 'shelters']);
export type SituationSection = z.infer<typeof SituationSection>;

export const SituationTrigger = z.enum(['schedule', 'demand']);
export type SituationTrigger = z.infer<typeof SituationTrigger>;

/** What the lists show of a report. */
export const SituationReportRef = z.object({
  id: Id,
  /** 第N期: numbered within its episode. */
  no: z.number().int().positive(),
  episodeSeq: z.number().int().positive(),
  at: time,
  trigger: SituationTrigger,
  drill: z.boolean(),
});
export type SituationReportRef = z.infer<typeof SituationReportRef>;

export const SituationReport = SituationReportRef.extend({
  planId: Id.nullable(),
  /** 中山街道城运中心灾情快报 */
  title: z.string().max(60),
  /** 台风Ⅱ级应急响应 · 第3期 */
  subtitle: z.string().max(120),
  sections: z.array(z.object({ key: SituationSection, table: ReportTableData })).max(12),
});
export type SituationReport = z.infer<typeof SituationReport>;

export const situationRef = ({ id, no, episodeSeq, at, trigger, drill }: SituationReportRef): SituationReportRef => ({ id, no, episodeSeq, at, trigger, drill });
