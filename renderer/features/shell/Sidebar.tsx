import { problemsOf, SCREENS, useApp, useAppShallow, type Screen } from '../../store';

/** What each screen is for, as a tooltip. */
const PURPOSE: Record<Screen, string> = {
  Overview: 'The district at a glance: students, sites, positions, the budget by fund and site',
  Data: 'Every table of the project, editable, with its problems',
  Import: 'Bring in an export from a finance or HR system',
  Allocate: 'A needs-based budget: restricted funds first, the formula, equity and compliance',
  Scenarios: 'Drivers, scenarios, and the priority and backup plans',
  Compare: 'Scenarios side by side for the board',
  Staffing: 'Required and actual staff, schedules, and where time goes',
  Reports: 'Workbooks, a board report and charts to take to a meeting',
  History: 'Snapshots of the project, what changed since one, and the self-check on practices 13–15',
};

export const screenHash = (s: Screen) => `#${s.toLowerCase()}`;

/** The screens, as links (their accessible names are exactly the screen names). */
export function Sidebar() {
  const screen = useApp((s) => s.screen);
  const { errors } = useAppShallow((s) => ({ errors: problemsOf(s).filter((p) => p.severity === 'error').length }));
  return (
    <nav className="sidebar" aria-label="Screens">
      <ul>
        {SCREENS.map((s) => (
          <li key={s}>
            <a
              href={screenHash(s)}
              className={`nav-item${s === screen ? ' nav-item-active' : ''}`}
              aria-current={s === screen ? 'page' : undefined}
              aria-describedby={s === 'Data' && errors > 0 ? 'data-errors' : undefined}
              title={PURPOSE[s]}
            >
              {s}
            </a>
            {s === 'Data' && errors > 0 && (
              // The count is the link's description, not part of its name (the name stays "Data").
              <span className="nav-badge" data-testid="problems-badge" id="data-errors" aria-hidden="true">
                {errors}<span className="visually-hidden"> {errors === 1 ? 'error' : 'errors'}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
