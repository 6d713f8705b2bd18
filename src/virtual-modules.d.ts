// Types of the virtual modules the project's integrations provide.
declare module 'virtual:dialtone/markdown-options' {
  import type { satteri } from '@astrojs/markdown-satteri';
  type SharedOptions = Parameters<NonNullable<ReturnType<typeof satteri>['createMdxRenderer']>>[0];
  /** src/build/article-mdx.ts: the Markdown settings @astrojs/mdx compiles with, and Astro's srcDir (a URL). */
  const options: { shared: SharedOptions; srcDir: string };
  export default options;
}
