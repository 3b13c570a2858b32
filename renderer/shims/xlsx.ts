// SheetJS's ES build (xlsx.mjs, what bundlers pick) has only named exports, while the models use
// Node's `import XLSX from 'xlsx'`. The Vite config points 'xlsx' here for the browser bundle.
// @ts-expect-error xlsx.mjs ships without its own type declarations; the types come from 'xlsx'.
import * as XLSX from 'xlsx/xlsx.mjs';
import type * as XlsxTypes from 'xlsx';

export default XLSX as typeof XlsxTypes;
