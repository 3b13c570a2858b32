import type { GridColumn } from '../../../models/project/grid-columns';
import type { FieldKind } from '../../../models/schema/fields';
import type { DataColumn } from '../../ui/DataTable';
import { isNumericColumn } from './cell-display';

/** Room each kind of value needs, in pixels (the header's name may ask for more). */
const WIDTH: Partial<Record<FieldKind, number>> = {
  id: 110, text: 220, money: 140, fte: 76, rate: 86, share: 86, year: 72, date: 104, int: 84, number: 96,
  bool: 76, enum: 104, grade: 64, funding: 180, list: 170, need_counts: 110, year_values: 80,
};

export function dataColumns(columns: readonly GridColumn[]): DataColumn[] {
  return columns.map((c) => ({
    key: c.key,
    label: c.label,
    title: `${c.label}: ${c.doc}${c.required ? ' (required)' : ''}`,
    align: isNumericColumn(c) ? 'right' : 'left',
    width: Math.min(240, Math.max(WIDTH[c.kind] ?? 110, Math.round(c.label.length * 7.6 + 36))),
    editable: true,
  }));
}
