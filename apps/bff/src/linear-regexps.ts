import { setFlagsFromString } from 'node:v8';

// Users type regular expressions (retention exemptions) that the BFF runs over tag names. A
// pattern such as ^(1|1)*$ backtracks for minutes on a 30-character tag and would stop every
// request meanwhile; V8 then re-runs it on its linear-time engine instead (the console accepts only
// what that engine runs: no look-around, no back-references). Imported first by the app.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
