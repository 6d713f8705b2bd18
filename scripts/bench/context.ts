// What `npm run bench` hands each section: its options, a temporary work folder, a build folder inside the
// project (the prerender step imports packages from the output folder, and only the project's node_modules
// resolves them), and a log for progress lines (stderr; the report itself is Markdown on stdout).
export interface BenchContext {
  work: string;
  outRoot: string;
  seed: number;
  large: boolean;
  log: (line: string) => void;
  options: {
    sizes: number[];
    runs: number;
    searchSize: number;
    starlightSizes: number[];
    starlightRuns: number;
    memorySize: number;
    lighthouseRuns: number;
  };
}
