import { memo, useEffect, useRef, useState } from 'react';
import { fiscalYear } from '../../format';
import { useApp, useRun } from '../../store';
import type { ResultOf } from '../../engine/protocol';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { AllocationSites } from './AllocationSites';
import { EquityPanel } from './EquityPanel';
import { FundUse } from './FundUse';
import { NeedsRegister } from './NeedsRegister';
import { AllocationFlags } from './AllocationFlags';
import { RulesPicker } from './RulesPicker';
import { Unallocated } from './Unallocated';
import { Title1Panel } from './Title1Panel';
import { CompareRules } from './CompareRules';
import { RulesEditor } from './RulesEditor';
import { AllocationSettings } from './AllocationSettings';
import { ModePicker, type Mode } from './ModePicker';
import { OptimiseCompare } from './OptimiseCompare';
import { PerPupilDistribution } from './PerPupilDistribution';
import { OutcomesTab } from './OutcomesTab';
import { ReviewTab } from './ReviewTab';
import './allocate.css';

// The panels drawn from the allocation are memoised: while a rules edit recomputes, the screen
// re-renders for the new version (the editor, busy) with the last result, and these skip that render
// — the charts are not redrawn twice per edit, and the main thread is free when the result arrives.
const Sites = memo(AllocationSites);
const Equity = memo(EquityPanel);
const Funds = memo(FundUse);
const Distribution = memo(PerPupilDistribution);
const Needs = memo(NeedsRegister);
const Title1 = memo(Title1Panel);
const Flags = memo(AllocationFlags);
const Left = memo(Unallocated);
const Compare = memo(CompareRules);
const Picker = memo(RulesPicker);

/** Practice 13 on screen: restricted money to eligible needs first, the formula for the rest, fairness and compliance. */
export function AllocateScreen() {
  const hasProject = useApp((s) => s.project !== null);
  const failed = useApp((s) => s.checked?.version === s.version && !s.checked.ok);
  const [rules, setRules] = useState<string | undefined>(undefined);
  const [other, setOther] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<Mode>('priority');
  if (!hasProject) return <EmptyState title="Allocate"><p>Open a project to build its allocation.</p></EmptyState>;
  if (failed) {
    return (
      <EmptyState title="Allocate" testId="allocate-withheld">
        <p className="banner banner-error" role="alert">No allocation is computed while the project has errors — the same check as <code>steward validate</code>. Fix them on the <a href="#data">Data</a> screen, or undo the last edit.</p>
      </EmptyState>
    );
  }
  return <Allocation rules={rules} onRules={setRules} other={other} onOther={setOther} mode={mode} onMode={setMode} />;
}

interface Choice { rules: string | undefined; onRules: (r: string | undefined) => void; other: string | undefined; onOther: (r: string | undefined) => void; mode: Mode; onMode: (m: Mode) => void }

type Tab = 'allocation' | 'outcomes' | 'review';
const TABS: { id: Tab; label: string }[] = [{ id: 'allocation', label: 'Allocation' }, { id: 'outcomes', label: 'Outcomes' }, { id: 'review', label: 'Review' }];

/** The tab a location hash names (#allocate/review → Review), so the import wizard can link back to it. */
const tabOfHash = (hash: string): Tab => TABS.find((t) => t.id === hash.split('/')[1]?.toLowerCase())?.id ?? 'allocation';

function Allocation({ rules, onRules, other, onOther, mode, onMode }: Choice) {
  const [tab, setTabState] = useState<Tab>(() => tabOfHash(window.location.hash));
  const setTab = (t: Tab) => {
    setTabState(t);
    window.history.replaceState(null, '', t === 'allocation' ? '#allocate' : `#allocate/${t}`);
  };
  const project = useApp((s) => s.project)!;
  const version = useApp((s) => s.version);
  const optimise = useApp((s) => s.optimise);
  const startOptimise = useApp((s) => s.startOptimise);
  const cancelOptimise = useApp((s) => s.cancelOptimise);
  const run = useRun('allocate', rules === undefined ? {} : { rules });
  // While an edit recomputes, the last figures stay on screen (marked busy) instead of a spinner.
  const last = useRef<ResultOf<'allocate'> | null>(null);
  if (run?.status === 'done' && run.result) last.current = run.result;
  useEffect(() => {
    if (mode === 'optimize') startOptimise(rules);
  }, [mode, rules, version, startOptimise]);
  useEffect(() => () => cancelOptimise(), [cancelOptimise]);
  if (run?.status === 'failed') return <div className="banner banner-error" role="alert">{run.error}</div>;
  const shown = run?.status === 'done' ? run.result : last.current;
  if (!shown) return <Loading text="Allocating…" />;
  const mine = optimise !== null && optimise.version === version && optimise.rules === rules ? optimise : null;
  const optimised = mode === 'optimize' && mine?.status === 'done' && mine.result ? mine.result : null;
  const result = optimised ? optimised.optimized : shown.result;
  const busy = run?.status !== 'done' || (mode === 'optimize' && mine?.status === 'running');
  return (
    <section className="allocate" aria-labelledby="allocate-title" aria-busy={busy} data-version={busy ? undefined : version} data-mode={result.mode}>
      <div className="page-title">
        <h1 id="allocate-title">Allocate <span className="muted">{fiscalYear(result.year)}</span></h1>
        <p className="muted">Restricted funds go to eligible needs first, general funds to what remains, then the weighted student formula — as <code>steward allocate</code>.</p>
      </div>
      <div role="tablist" aria-label="Allocate" className="allocate-tabs">
        {TABS.map((t) => <button key={t.id} type="button" role="tab" id={`allocate-tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`allocate-panel-${t.id}`} className={`button${tab === t.id ? ' button-primary' : ''}`} onClick={() => setTab(t.id)}>{t.label}</button>)}
      </div>
      <div role="tabpanel" id={`allocate-panel-${tab}`} aria-labelledby={`allocate-tab-${tab}`} className="allocate">
        {tab === 'outcomes' && <OutcomesTab allocation={result} />}
        {tab === 'review' && <ReviewTab />}
        {tab === 'allocation' && (
          <>
            <Picker choices={shown.choices} value={rules} onChange={onRules} result={result} />
            <RulesEditor project={project} rules={rules} onRules={onRules} />
            <ModePicker mode={mode} onMode={onMode} run={mine} onCancel={cancelOptimise} onRetry={() => startOptimise(rules)} />
            <AllocationSettings project={project} />
            <Left result={result} />
            <Sites result={result} />
            <div className="allocate-two">
              <Equity result={result} />
              <Funds result={result} />
            </div>
            <Distribution result={result} />
            <Needs result={result} />
            <Title1 result={result} />
            <Flags result={result} />
            {optimised && <OptimiseCompare comparison={optimised.comparison} optimized={optimised.optimized} />}
            <Compare base={result} other={other} choices={shown.choices} onOther={onOther} />
          </>
        )}
      </div>
    </section>
  );
}
