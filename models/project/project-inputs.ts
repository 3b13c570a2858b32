import { z } from 'zod';
import {
  ActualSchema, BudgetLineSchema, DriverSchema, EnrollmentSchema, FundSchema, NeedSchema, PositionSchema,
  SalaryCellSchema, ScenarioOverrideSchema, SettingsSchema, SiteSchema, StudentNeedsSchema,
} from '../schema/tables';
import { AllocateConfigSchema } from '../allocate/config';
import { ForecastConfigSchema } from '../forecast/config';
import { StaffingConfigSchema } from '../staffing/config';
import { MappingTemplateSchema } from '../import/types';
import { ALLOCATE_PROJECT_SHAPE } from '../allocate/tables';
import { FORECAST_PROJECT_SHAPE } from '../forecast/tables';
import { OUTCOME_PROJECT_SHAPE } from '../outcomes/tables';
import { STAFFING_PROJECT_SHAPE } from '../staffing/tables';
import { NETWORK_PROJECT_SHAPE } from '../network/tables';

/**
 * A project: a district's tables and settings, plus what the engines save (allocation rules,
 * scenarios and plans, staffing rules and schedules) and the user's saved column mappings.
 * Plain data: it crosses IPC and worker boundaries and is saved as JSON in a .steward file.
 * These are the inputs; ProjectSchema (./project.ts) adds the snapshots kept beside them.
 */
export const ProjectInputsSchema = z.object({
  settings: SettingsSchema,
  sites: z.array(SiteSchema),
  enrollment: z.array(EnrollmentSchema),
  studentNeeds: z.array(StudentNeedsSchema),
  funds: z.array(FundSchema),
  budget: z.array(BudgetLineSchema),
  positions: z.array(PositionSchema),
  salary: z.array(SalaryCellSchema),
  needs: z.array(NeedSchema).default([]),
  actuals: z.array(ActualSchema).default([]),
  drivers: z.array(DriverSchema).default([]),
  scenarios: z.array(ScenarioOverrideSchema).default([]),
  allocate: AllocateConfigSchema.optional(),
  forecast: ForecastConfigSchema.optional(),
  staffing: StaffingConfigSchema.optional(),
  mappingTemplates: z.array(MappingTemplateSchema).default([]),
  ...ALLOCATE_PROJECT_SHAPE,
  ...FORECAST_PROJECT_SHAPE,
  ...OUTCOME_PROJECT_SHAPE,
  ...STAFFING_PROJECT_SHAPE,
  ...NETWORK_PROJECT_SHAPE,
});
export type ProjectInputs = z.infer<typeof ProjectInputsSchema>;
