import { TableScroll } from '../../ui/TableScroll';
import { memo, useMemo, useState } from 'react';
import { RULE_SETTINGS, AllocationRuleRowSchema, type AllocationRuleRow } from '../../../models/allocate/tables';
import { isPresetName } from '../../../models/allocate/presets';
import { copyName, ruleRowProblem, ruleSetFor, ruleSetToRows } from '../../../models/allocate/rule-rows';
import type { Project } from '../../../models/project/project';
import { useApp } from '../../store';

type Setting = AllocationRuleRow['setting'];
const LABEL: Record<Setting, string> = {
  base_mode: 'Base: solve or fixed', base_per_pupil: 'Base per pupil ($)', pool: 'Pool ($)', foundation: 'Foundation ($, by level)',
  grade_weight: 'Grade weight', need_weight: 'Need weight', custom_term: 'Custom term (formula)',
  small_school_per_student: 'Small school: $ per student', small_school_threshold: 'Small school: threshold (by level)',
  small_school_cap_share: 'Small school: cap (share of base)', small_school_cap: 'Small school: cap ($)',
  hold_harmless_max_loss: 'Hold harmless: largest loss (share)', source: 'Source',
};

interface Draft { setting: Setting; key: string; value: string }
const draftOf = (r: AllocationRuleRow): Draft => ({ setting: r.setting, key: r.key ?? '', value: r.value });

/** The row a draft makes, or why it cannot be one (the same words as `steward validate`). */
function check(project: Project, rules: string, d: Draft): { row: AllocationRuleRow } | { problem: string } {
  const parsed = AllocationRuleRowSchema.safeParse({ rules, setting: d.setting, value: d.value, ...(d.key.trim() !== '' ? { key: d.key.trim() } : {}) });
  if (!parsed.success) return { problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const problem = ruleRowProblem(project, parsed.data);
  return problem ? { problem } : { row: parsed.data };
}

/**
 * The weights table of the rule set in use, one setting a row (the AllocationRules sheet): every
 * change is checked as typed and applied on Enter or leaving the field as an undoable edit; a row
 * with a problem shows it and changes nothing. A preset or the default is copied first.
 */
export function RulesEditor({ project, rules, onRules }: { project: Project; rules: string | undefined; onRules: (r: string) => void }) {
  const edit = useApp((s) => s.edit);
  const set = ruleSetFor(project, rules);
  const name = set?.name;
  const own = name !== undefined && project.allocationRules.some((r) => r.rules === name);
  const [message, setMessage] = useState<string | null>(null);
  if (!set) return null;
  if (!own) {
    const copy = () => {
      const to = copyName(project, set.name);
      const cfg = project.allocate ?? {};
      const r = edit([
        { op: 'insert-rows', table: 'allocationRules', index: project.allocationRules.length, rows: ruleSetToRows(set, to) },
        { op: 'set-allocate', config: { ...cfg, active_rules: to } },
      ], `copy the ${set.name} rules to edit them`);
      if (r.ok) onRules(to);
      else setMessage(r.reason);
    };
    return (
      <div className="panel" data-testid="rules-editor">
        <h2>Weights</h2>
        <p className="muted small">“{set.name}” is {isPresetName(set.name) ? 'a published preset' : 'built in'}; its weights are read-only. Copy them into the project’s AllocationRules sheet to change them (it becomes the project’s active rule set, so <code>steward allocate</code> uses it too).</p>
        <button type="button" className="button" data-testid="rules-copy" onClick={copy}>Edit a copy of {set.name}</button>
        {message && <p className="banner banner-error" role="alert">{message}</p>}
      </div>
    );
  }
  const indexes = project.allocationRules.flatMap((r, i) => (r.rules === name ? [i] : []));
  return (
    <div className="panel" data-testid="rules-editor">
      <h2>Weights <span className="muted">{name} · AllocationRules sheet · Enter applies, Ctrl+Z undoes</span></h2>
      <TableScroll label="Weights" className="table-tall">
        <table className="table table-compact rules-table">
          <caption className="sr-only">Settings of the rule set {name}</caption>
          <thead><tr><th>Setting</th><th>Key</th><th>Value</th><th>Problem</th><th><span className="sr-only">Remove</span></th></tr></thead>
          <tbody>
            {indexes.map((i) => <MemoRuleRow key={`${i}:${JSON.stringify(project.allocationRules[i])}`} project={project} index={i} row={project.allocationRules[i]!} />)}
            <NewRule project={project} rules={name} />
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function RuleRow({ project, index, row }: { project: Project; index: number; row: AllocationRuleRow }) {
  const edit = useApp((s) => s.edit);
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const [refused, setRefused] = useState<string | null>(null);
  // Only the StudentNeeds columns (need categories, site variables) bear on a row's check.
  const checked = useMemo(() => check(project, row.rules, draft), [draft, row.rules, project.studentNeeds]);
  const problem = refused ?? ('problem' in checked ? checked.problem : null);
  const changed = draft.setting !== row.setting || draft.key !== (row.key ?? '') || draft.value !== row.value;
  const apply = (d: Draft = draft) => {
    const c = check(project, row.rules, d);
    if ('problem' in c) return;
    if (d.setting === row.setting && d.key === (row.key ?? '') && d.value === row.value) return;
    const r = edit({ op: 'set-row', table: 'allocationRules', index, row: { ...c.row, ...(row.src ? { src: row.src } : {}) } }, `edit rule ${d.setting}${d.key ? ` ${d.key}` : ''}`);
    setRefused(r.ok ? null : r.reason);
  };
  const label = `${LABEL[row.setting]}${row.key ? ` ${row.key}` : ''}`;
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') apply();
    if (e.key === 'Escape') setDraft(draftOf(row));
  };
  return (
    <tr data-testid="rule-row" data-setting={row.setting} data-key={row.key ?? ''} className={problem ? 'row-problem' : changed ? 'row-changed' : ''}>
      <td>
        <select aria-label={`Setting of row ${index + 1}`} value={draft.setting} onChange={(e) => { const d = { ...draft, setting: e.target.value as Setting }; setDraft(d); apply(d); }}>
          {RULE_SETTINGS.map((s) => <option key={s} value={s}>{LABEL[s]}</option>)}
        </select>
      </td>
      <td><input aria-label={`${label}: key`} value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} onBlur={() => apply()} onKeyDown={onKey} size={14} aria-invalid={problem !== null} /></td>
      <td><input aria-label={`${label}: value`} data-testid="rule-value" value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} onBlur={() => apply()} onKeyDown={onKey} size={row.setting === 'custom_term' || row.setting === 'source' ? 40 : 10} aria-invalid={problem !== null} /></td>
      <td className="small text-warn" data-testid="rule-problem" role={problem ? 'alert' : undefined}>{problem}</td>
      <td><button type="button" className="button button-quiet" aria-label={`Remove ${label}`} onClick={() => edit({ op: 'delete-rows', table: 'allocationRules', indexes: [index] }, `remove rule ${row.setting}`)}>×</button></td>
    </tr>
  );
}

/** Only the row and the tables its check reads bear on a row: another row's edit does not redraw it. */
const sameButRules = (a: Project, b: Project) => (Object.keys(b) as (keyof Project)[]).every((k) => k === 'allocationRules' || k === 'allocate' || a[k] === b[k]);
const MemoRuleRow = memo(RuleRow, (p, n) => p.row === n.row && p.index === n.index && sameButRules(p.project, n.project));

function NewRule({ project, rules }: { project: Project; rules: string }) {
  const edit = useApp((s) => s.edit);
  const [draft, setDraft] = useState<Draft>({ setting: 'need_weight', key: '', value: '' });
  const touched = draft.key !== '' || draft.value !== '';
  const checked = useMemo(() => check(project, rules, draft), [draft, rules, project.studentNeeds]);
  const add = () => {
    if ('problem' in checked) return;
    const r = edit({ op: 'insert-rows', table: 'allocationRules', index: project.allocationRules.length, rows: [checked.row] }, `add rule ${draft.setting}`);
    if (r.ok) setDraft({ ...draft, key: '', value: '' });
  };
  return (
    <tr className="rules-new">
      <td>
        <select aria-label="Setting of a new row" value={draft.setting} onChange={(e) => setDraft({ ...draft, setting: e.target.value as Setting })}>
          {RULE_SETTINGS.map((s) => <option key={s} value={s}>{LABEL[s]}</option>)}
        </select>
      </td>
      <td><input aria-label="New row: key" data-testid="rule-new-key" value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && add()} size={14} /></td>
      <td><input aria-label="New row: value" data-testid="rule-new-value" value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && add()} size={10} /></td>
      <td className="small text-warn" data-testid="rule-new-problem">{touched && 'problem' in checked ? checked.problem : null}</td>
      <td><button type="button" className="button" disabled={'problem' in checked} onClick={add}>Add</button></td>
    </tr>
  );
}
