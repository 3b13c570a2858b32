import { useMemo, useRef } from 'react';
import type { Problem } from '../../../models/project/problems';
import { useAppShallow } from '../../store';

/**
 * The problems of the version on screen (the reading's, then `validate`'s), and whether a check is
 * under way. While an edit is being checked, the last list of the same project stays up (marked as
 * checking) instead of blinking away for a few milliseconds.
 */
export function useShownProblems(): { problems: readonly Problem[]; checking: boolean; version: number | null } {
  const s = useAppShallow((st) => ({ importProblems: st.importProblems, checked: st.checked, version: st.version }));
  const current = s.checked !== null && s.checked.version === s.version ? s.checked : null;
  const fresh = useMemo(() => (current ? [...s.importProblems, ...current.problems] : null), [current, s.importProblems]);
  const last = useRef<{ importProblems: readonly Problem[]; list: readonly Problem[] } | null>(null);
  if (fresh) last.current = { importProblems: s.importProblems, list: fresh };
  // importProblems is a new array for every project opened, so a list from another project is never kept.
  const kept = last.current !== null && last.current.importProblems === s.importProblems ? last.current.list : s.importProblems;
  return { problems: fresh ?? kept, checking: current === null, version: current?.version ?? null };
}
