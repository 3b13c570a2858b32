// Writes the demo district with two slight mistakes (a Drivers value in words, a need weight for a
// need that does not exist) to the path given: the e2e opens it and compares the problems on
// screen with `steward validate --json`.
import { writeFileSync } from 'node:fs';
import { workbookBytes } from '../../host/write-workbook';
import { demoSheets, WRONG } from '../models/project/wrong-workbooks';

const s = demoSheets();
WRONG['a Drivers value written in words']!.change(s);
WRONG['a need weight for a need that does not exist (english_learner)']!.change(s);
writeFileSync(process.argv[2]!, workbookBytes(s));
