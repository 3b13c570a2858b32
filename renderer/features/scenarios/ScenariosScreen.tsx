import { useState } from 'react';
import { useApp } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { DriverTable } from './DriverTable';
import { PlansEditor } from './PlansEditor';
import { ScenarioList } from './ScenarioList';
import { scenarioNames } from './scenario-drivers';
import { SignpostsEditor } from './SignpostsEditor';
import { TriggersEditor } from './TriggersEditor';
import { WhatIf } from './WhatIf';
import './scenarios.css';

/**
 * Practice 14's inputs: named scenarios of external conditions (their drivers, inherited from a
 * parent), what-if sliders that redraw the forecast, the plans with the triggers that start them, and
 * the signposts that say which scenario is unfolding.
 * Every change is an edit of the project's tables, so undo, save and the CLI see it.
 */
export function ScenariosScreen() {
  const project = useApp((s) => s.project);
  const [picked, setPicked] = useState('Base');
  if (!project) return <EmptyState title="Scenarios" level={1}><p>Open a project to build its scenarios.</p></EmptyState>;
  const selected = scenarioNames(project).includes(picked) ? picked : 'Base';
  return (
    <section className="scenarios" aria-labelledby="scenarios-title">
      <div className="page-title">
        <h1 id="scenarios-title">Scenarios</h1>
        <p className="muted">Each scenario changes some drivers and inherits the rest; plans say what the district does, and triggers when a backup plan takes over — as <code>steward forecast --all</code> reads them.</p>
      </div>
      <div className="scenarios-top">
        <ScenarioList project={project} selected={selected} onSelect={setPicked} />
        <WhatIf project={project} scenario={selected} onSaved={setPicked} />
      </div>
      <DriverTable project={project} scenario={selected} />
      <PlansEditor project={project} />
      <TriggersEditor project={project} />
      <SignpostsEditor project={project} />
    </section>
  );
}
