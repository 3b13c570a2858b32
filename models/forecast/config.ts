import { z } from 'zod';

// What a project saves for the forecast engine. Every field has a default, so `{}` (or a missing
// config) is a working forecast: drivers default to the values below, revenue sources are derived
// from the Funds sheet and personnel cost from the Positions sheet. docs/forecast.md explains each.

const driverRef = z.union([z.number(), z.string().min(1).max(64)]); // a fixed rate or a driver name

/** Built-in driver defaults (a project's Drivers sheet and scenarios override them). */
export const DEFAULT_DRIVERS: Readonly<Record<string, number>> = {
  enrollment_growth: 0,
  enrollment_shift: 0,
  state_aid_per_pupil_growth: 0,
  local_revenue_growth: 0,
  cola: 0.02,
  step_increase: 0.03,
  health_inflation: 0.07,
  pension_rate: 0,
  cpi: 0.03,
  attrition_rate: 0,
  grant_growth: 0,
};

export const RevenueSourceSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().optional(),
  /** Fund the money goes to (GEN by default). */
  fund_code: z.string().min(1).optional(),
  /** per_pupil: base × per-pupil growth index × enrollment ratio; growth: base × index of `growth`;
   *  grant: flat (or `growth`) until end_date, then nothing; one_time: only in `year`;
   *  formula: `expression`, a formula in dollars over the drivers (docs/formulas.md). */
  kind: z.enum(['per_pupil', 'growth', 'grant', 'one_time', 'formula']),
  /** Base-year amount in cents (default: the fund's `available`). */
  base_cents: z.number().int().optional(),
  growth: driverRef.optional(),
  end_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  year: z.number().int().optional(),
  expression: z.string().max(500).optional(),
  /** Revenue category for reports (state, local, federal, other). */
  source: z.enum(['state', 'local', 'federal', 'other']).optional(),
});
export type RevenueSource = z.infer<typeof RevenueSourceSchema>;

export const ScenarioConfigSchema = z.object({
  name: z.string().min(1).max(100),
  based_on: z.string().optional(),
  description: z.string().optional(),
  /** driver → a value for every year, or { "2028": 0.01, … } per year. */
  overrides: z.record(z.string(), z.union([z.number(), z.record(z.string(), z.number())])).default({}),
  /** Plan that runs first in this scenario (default: the config's priority_plan). */
  priority_plan: z.string().optional(),
});
export type ScenarioConfig = z.infer<typeof ScenarioConfigSchema>;

export const ForecastConfigSchema = z.object({
  general_fund: z.string().default('GEN'),
  /** 'positions': personnel cost from Positions; the budget's salary/benefit lines are then the base
   *  year, and the difference is a reconciling line (reconcile.ts). 'budget': from those lines.
   *  'auto': positions when there are any. */
  personnel_source: z.enum(['positions', 'budget', 'auto']).default('auto'),
  fiscal_year_start_month: z.number().int().min(1).max(12).default(7),
  drivers: z.record(z.string(), z.number()).default({}),
  enrollment: z.object({
    method: z.enum(['cohort', 'growth']).default('cohort'),
    history_years: z.number().int().min(1).max(10).default(3),
    kindergarten: z.enum(['trend', 'births', 'flat']).default('trend'),
    /** Births by calendar year (for kindergarten = births five years earlier × the average K ratio). */
    births: z.record(z.string(), z.number()).default({}),
  }).default({ method: 'cohort', history_years: 3, kindergarten: 'trend', births: {} }),
  revenue: z.array(RevenueSourceSchema).optional(),
  /** What happens to positions and lines paid by a grant after its end date. */
  grant_end: z.enum(['move_to_general', 'cut']).default('move_to_general'),
  grant_end_by_fund: z.record(z.string(), z.enum(['move_to_general', 'cut'])).default({}),
  personnel: z.object({
    default_benefits_rate: z.number().min(0).max(2).default(0.25),
    default_health_cost_cents: z.number().int().min(0).default(0),
    /** Step a leaver's replacement (and a vacancy at the hiring step) starts at (default the lowest step of the lane). */
    replacement_step: z.number().int().min(0).optional(),
    /** A position with neither a salary nor a schedule step: at the role's hiring step, or the role's average pay. */
    vacancy_cost: z.enum(['hiring_step', 'role_average']).default('hiring_step'),
    /** role → salary schedule name (default: the first schedule that has the lane). */
    role_schedule: z.record(z.string(), z.string()).default({}),
    teacher_roles: z.array(z.string()).default(['teacher']),
  }).default({ default_benefits_rate: 0.25, default_health_cost_cents: 0, vacancy_cost: 'hiring_step', role_schedule: {}, teacher_roles: ['teacher'] }),
  /** Object class → inflation (a driver name or a fixed rate). Missing classes use cpi; salary and
   *  benefit lines, when not named, follow pay (docs/forecast.md, "Personnel from budget lines"). */
  inflation_by_object: z.record(z.string(), driverRef).default({ capital: 0 }),
  scenarios: z.array(ScenarioConfigSchema).default([]),
  priority_plan: z.string().optional(),
  monte_carlo: z.object({
    /** per_trial: one draw per driver held for every year; per_year: a fresh draw each year. */
    draw: z.enum(['per_trial', 'per_year']).default('per_trial'),
    /** The share of draws a driver's low/high hold (a central interval; 0.9 = P5 to P95). */
    interval: z.number().min(0.5).max(0.99).default(0.9),
  }).default({ draw: 'per_trial', interval: 0.9 }),
  decisions: z.object({
    /** MM-DD: the date within a fiscal year by which its projected figures are known (the mid-year update). */
    figure_known: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD, e.g. 01-31').default('01-31'),
  }).default({ figure_known: '01-31' }),
  /** Passed to staffingMetrics (models/staffing/metrics.ts) per scenario-year. */
  staffing_params: z.record(z.string(), z.number()).default({}),
});
export type ForecastConfig = z.infer<typeof ForecastConfigSchema>;
