// An article's body for its page: the MDX compiled while the page renders, by the same compiler and settings as
// the MDX integration (satteri, through src/build/article-mdx.ts), and rendered by Astro's JSX renderer with the
// playbook components, exactly as `render(entry)` did. Articles are no longer Vite modules: bundling one module
// per article was the build's memory peak (0.42 GB per 1,000 articles, bench/results.md), and the content
// loader keeps them out (src/content.config.ts).
import { satteri } from '@astrojs/markdown-satteri';
import type { MarkdownHeading } from 'astro';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { Renderer } from 'astro/runtime/server/index.js';
import markdownOptions from 'virtual:dialtone/markdown-options';
import { articleFilePath, shownPath } from '../content-io.ts';
import type { Article } from './articles.ts';

type MdxRenderer = Awaited<ReturnType<NonNullable<ReturnType<typeof satteri>['createMdxRenderer']>>>;
type Props = { components?: Record<string, unknown> };
type Compiled = { MDXContent: (props: Props) => unknown; getHeadings: () => MarkdownHeading[] };

let renderer: Promise<MdxRenderer> | undefined;

function mdxRenderer(): Promise<MdxRenderer> {
  renderer ??= satteri().createMdxRenderer!(markdownOptions.shared, {
    optimize: false,
    srcDir: new URL(markdownOptions.srcDir),
    sourcemap: false,
  });
  return renderer;
}

/** The compiled module as a function of Astro's JSX runtime (what `import ... from 'astro/jsx-runtime'` gave it). */
function evaluate(code: string, file: string): Compiled {
  const body = code
    .replace(
      /^import \{([^}]*)\} from "astro\/jsx-runtime";$/m,
      (_, names: string) => `const {${names.replaceAll(' as ', ': ')}} = arguments[0];`,
    )
    .replace(/^export (const|function) /gm, '$1 ');
  // The content rules forbid imports in articles; a local image (`![](./a.png)`) would be one too, and needs a bundler.
  if (/^\s*(import|export)\b/m.test(body))
    throw new Error(
      `${file}: the article needs a module (an import or a local image): link images from public/ by URL instead`,
    );
  return new Function(`${body}\nreturn { MDXContent, getHeadings };`)({ Fragment, jsx, jsxs }) as Compiled;
}

/** The article's `Content` component (pass it the playbook components) and its headings. */
export async function articleContent(
  article: Article,
): Promise<{ Content: (props: Props) => unknown; headings: MarkdownHeading[] }> {
  const file = articleFilePath(article.id);
  const { code } = await (await mdxRenderer()).process(article.body ?? '', file, {});
  const { MDXContent, getHeadings } = evaluate(code, shownPath(file));
  // What @astrojs/mdx appends to every compiled file, so Astro renders it as it rendered `render(entry)`'s Content.
  const Content = (props: Props = {}) => MDXContent({ ...props, components: { Fragment, ...props.components } });
  Object.assign(Content, {
    [Symbol.for('mdx-component')]: true,
    [Symbol.for('astro.needsHeadRendering')]: true,
    [Renderer]: 'astro:jsx',
  });
  return { Content, headings: getHeadings() };
}
