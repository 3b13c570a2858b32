import type { ProjectSummary } from '../../../models/project/summary';
import { fiscalYear } from '../../format';
import { TotalsCards } from './TotalsCards';
import { FundTable } from './FundTable';
import { SiteTable } from './SiteTable';
import { BudgetByFundChart } from '../../charts/BudgetByFundChart';

export function Overview({ summary, source }: { summary: ProjectSummary; source: string | null }) {
  return (
    <section className="overview" aria-labelledby="district-name">
      <div className="page-title">
        <h1 id="district-name" data-testid="district-name">{summary.districtName}</h1>
        <p className="muted">
          Base year <strong data-testid="base-year">{fiscalYear(summary.baseYear)}</strong>
          {' · '}{summary.horizonYears}-year horizon
          {source && <> · {source}</>}
        </p>
      </div>
      <TotalsCards summary={summary} />
      <div className="panel">
        <h2>Budget by fund <span className="muted">{fiscalYear(summary.baseYear)}</span></h2>
        <div className="fund-layout">
          <div className="chart-box"><BudgetByFundChart funds={summary.byFund} /></div>
          <FundTable summary={summary} />
        </div>
      </div>
      <div className="panel">
        <h2>Sites</h2>
        <SiteTable summary={summary} />
      </div>
    </section>
  );
}
