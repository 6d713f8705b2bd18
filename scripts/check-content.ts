// `npm run check:content [ROOT]`: validates everything support teams edit under the content root (CONTENT_DIR,
// default content/) with the same module the build uses, and prints one line per problem: file, line, field
// and fix (under GitHub Actions, as annotations on the pull request). Articles past their reviewBy date are
// warnings: printed, never failing. Exit 1 when anything is wrong.
import { checkContentFolder } from '../src/content-io.ts';
import { CONTENT_SECTIONS } from '../src/lib/content/index.ts';
import { formatReportLine, reportStyle } from '../src/lib/content/report.ts';

const style = reportStyle(process.env);
const check = checkContentFolder(process.argv[2], { now: new Date() });
for (const section of CONTENT_SECTIONS) {
  const problems = check.problemsBySection[section];
  if (problems.length === 0) console.log(`✓ ${section}`);
  for (const problem of problems) console.error(formatReportLine(problem, 'error', style));
}
for (const warning of check.warnings) console.error(formatReportLine(warning, 'warning', style));
process.exit(check.errors.length > 0 ? 1 : 0);
