import { useState } from 'react';
import { fiscalYear } from '../../format';
import { useApp, useRun } from '../../store';
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
import './allocate.css';

/** Practice 13 on screen: restricted money to eligible needs first, the formula for the rest, fairness and compliance. */
export function AllocateScreen() {
  const hasProject = useApp((s) => s.project !== null);
  const ok = useApp((s) => s.checked?.version === s.version && s.checked.ok);
  const checking = useApp((s) => s.checked?.version !== s.version);
  const [rules, setRules] = useState<string | undefined>(undefined);
  const [other, setOther] = useState<string | undefined>(undefined);
  if (!hasProject) return <EmptyState title="Allocate"><p>Open a project to build its allocation.</p></EmptyState>;
  if (checking) return <Loading text="Checking the project…" />;
  if (!ok) {
    return (
      <EmptyState title="Allocate" testId="allocate-withheld">
        <p className="banner banner-error" role="alert">No allocation is computed while the project has errors — the same check as <code>steward validate</code>. Fix them on the <a href="#data">Data</a> screen.</p>
      </EmptyState>
    );
  }
  return <Allocation rules={rules} onRules={setRules} other={other} onOther={setOther} />;
}

interface Choice { rules: string | undefined; onRules: (r: string | undefined) => void; other: string | undefined; onOther: (r: string | undefined) => void }

function Allocation({ rules, onRules, other, onOther }: Choice) {
  const run = useRun('allocate', rules === undefined ? {} : { rules });
  if (!run || run.status === 'running') return <Loading text="Allocating…" />;
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const { result, choices } = run.result;
  return (
    <section className="allocate" aria-labelledby="allocate-title">
      <div className="page-title">
        <h1 id="allocate-title">Allocate <span className="muted">{fiscalYear(result.year)}</span></h1>
        <p className="muted">Restricted funds go to eligible needs first, general funds to what remains, then the weighted student formula — as <code>steward allocate</code>.</p>
      </div>
      <RulesPicker choices={choices} value={rules} onChange={onRules} result={result} />
      <Unallocated result={result} />
      <AllocationSites result={result} />
      <div className="allocate-two">
        <EquityPanel result={result} />
        <FundUse result={result} />
      </div>
      <NeedsRegister result={result} />
      <Title1Panel result={result} />
      <AllocationFlags result={result} />
      <CompareRules base={result} other={other} choices={choices} onOther={onOther} />
    </section>
  );
}
