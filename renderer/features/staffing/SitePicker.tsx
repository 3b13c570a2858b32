import { useAppShallow } from '../../store';

/** The schools of the project, to look at one (the staffing tables also offer "All sites"). */
export function SitePicker({ value, onChange, all, testId }: { value: string; onChange: (site: string) => void; all?: boolean; testId: string }) {
  const sites = useAppShallow((s) => (s.project?.sites ?? []).filter((x) => x.level !== 'Central').map((x) => `${x.site_id}\u0000${x.name}`));
  return (
    <label className="site-picker">
      Site{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {all && <option value="">All sites</option>}
        {sites.map((s) => {
          const [id, name] = s.split('\u0000') as [string, string];
          return <option key={id} value={id}>{id} {name}</option>;
        })}
      </select>
    </label>
  );
}
