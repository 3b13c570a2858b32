import type { ProjectSummary } from '../../../models/project/summary';
import { fiscalYear } from '../../format';
import { TotalsCards } from './TotalsCards';
import { FundTable } from './FundTable';
import { SiteTable } from './SiteTable';
import { BudgetByFundChart } from '../../charts/BudgetByFundChart';
import { TableScroll } from '../../ui/TableScroll';

export function Overview({ summary, source }: { summary: ProjectSummary; source: string | null }) {
  const year = fiscalYear(summary.baseYear);
  return (
    <section className="overview" aria-labelledby="district-name">
      <div className="page-title">
        <h1 id="district-name" data-testid="district-name">{summary.districtName}</h1>
        <p className="muted">
          Base year <strong data-testid="base-year">{year}</strong>
          {' · '}{summary.horizonYears}-year horizon
          {source && <> · {source}</>}
        </p>
      </div>
      <TotalsCards summary={summary} />
      <section className="panel" aria-labelledby="funds-title">
        <h2 id="funds-title">Budget by fund <span className="muted">{year}</span></h2>
        <div className="fund-layout">
          <div className="chart-box">
            <BudgetByFundChart funds={summary.byFund} name={`Budget by fund, ${year}`} tableId="fund-table" tableName={`Budget by fund ${year}`} />
          </div>
          <TableScroll label="Budget by fund"><FundTable summary={summary} id="fund-table" labelledBy="funds-title" /></TableScroll>
        </div>
      </section>
      <section className="panel" aria-labelledby="sites-title">
        <h2 id="sites-title">Sites <span className="muted">{year}</span></h2>
        <TableScroll label="Sites"><SiteTable summary={summary} labelledBy="sites-title" /></TableScroll>
      </section>
    </section>
  );
}
