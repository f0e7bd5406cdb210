// A case as stored and sent: without the fields that still hold their defaults (a new case is mostly nulls,
// zeros and empty lists), which halves what the log and the cases table write for every case. Readers restore
// the defaults: clients through the zod schemas (CaseView fills them in), the hall through expandCase.
import type { CaseView } from './domain/case-model.ts';

// Shared by every expanded case: frozen, since views are never changed in place.
const NONE = Object.freeze([]) as unknown as string[];

/** Every CaseView field that has a default, with it (kept in step with case-model.ts by a unit test). */
export const CASE_DEFAULTS = Object.freeze({
  description: '', address: '', lead: null, assisting: NONE, dutyRule: null, forces: NONE, tier: 'micro',
  registeredAt: null, dispatchedAt: null, acceptedAt: null, onSceneAt: null, handledAt: null, verifiedAt: null,
  closedAt: null, evaluatedAt: null, suspendedFrom: null, suspendedUntil: null, satisfaction: null, resolved: null,
  selfHandled: false, duplicateOf: null, returns: 0, reopens: 0,
} satisfies Partial<CaseView>);

const isDefault = (key: string, value: unknown) => {
  const d = (CASE_DEFAULTS as Record<string, unknown>)[key];
  if (d === undefined) return value === undefined;
  return Array.isArray(d) ? Array.isArray(value) && value.length === 0 : value === d;
};

export function compactCaseJson(view: CaseView): string {
  return JSON.stringify(view, function (key, value: unknown) {
    return this === view && isDefault(key, value) ? undefined : value;
  });
}

export const expandCase = (stored: Partial<CaseView>): CaseView => ({ ...CASE_DEFAULTS, ...stored } as CaseView);
