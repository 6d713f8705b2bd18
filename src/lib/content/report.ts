// How `npm run check:content` shows a problem: `file:line: message` in a terminal, and under GitHub Actions a
// workflow command (`::error file=…,line=…::message`) that GitHub turns into an annotation on the pull
// request's diff. Escaping follows the workflow-commands spec (actions/toolkit's command.ts).
import { formatProblem, type Problem } from '../errors.ts';

export type ProblemLevel = 'error' | 'warning';
export type ReportStyle = 'terminal' | 'github';

/** GitHub Actions sets GITHUB_ACTIONS=true in every step; anywhere else the terminal style. */
export function reportStyle(env: Record<string, string | undefined>): ReportStyle {
  return env.GITHUB_ACTIONS === 'true' ? 'github' : 'terminal';
}

/** A command's message: `%`, CR and LF escaped so a multi-line message stays one command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, plus `:` and `,`, which end a value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=content/articles/fax/new.mdx,line=36::body: add one <Escalate> block …` */
export function githubAnnotation(problem: Problem, level: ProblemLevel): string {
  const properties = [`file=${escapeProperty(problem.file)}`];
  if (problem.line !== undefined) properties.push(`line=${problem.line}`);
  return `::${level} ${properties.join(',')}::${escapeData(problem.message)}`;
}

/** One problem as its style shows it; a terminal warning says it is one, since it does not fail the check. */
export function formatReportLine(problem: Problem, level: ProblemLevel, style: ReportStyle): string {
  if (style === 'github') return githubAnnotation(problem, level);
  return level === 'warning' ? `warning: ${formatProblem(problem)}` : formatProblem(problem);
}
