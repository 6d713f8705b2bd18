import { describe, expect, it } from 'vitest';
import {
  articleIdFromPath,
  checkArticleSet,
  checkTitles,
  type ArticleRef,
} from '../../../src/lib/articles/consistency.ts';
import { editUrl, ticketFormUrl } from '../../../src/lib/articles/links.ts';
import { slugify } from '../../../src/lib/articles/slug.ts';

function article(id: string, data: Partial<ArticleRef['data']> = {}): ArticleRef {
  return {
    id,
    file: `site-content/articles/${id}.mdx`,
    data: { category: id.split('/')[0] as never, related: [], draft: false, title: `Title of ${id}`, ...data },
  };
}

describe('checkArticleSet', () => {
  it('passes a consistent set', () => {
    expect(
      checkArticleSet(
        [article('registration/a', { related: ['porting/b'] }), article('porting/b')],
        'site-content/articles',
      ),
    ).toEqual([]);
  });

  it('flags a category that does not match the folder', () => {
    const errors = checkArticleSet(
      [article('registration/a', { category: 'porting' as never })],
      'site-content/articles',
    );
    expect(errors).toEqual([
      "site-content/articles/registration/a.mdx: category: is 'porting' but the file is in the 'registration' folder; move the file or change the category",
    ]);
  });

  it('flags related links to missing, draft or same articles', () => {
    const errors = checkArticleSet(
      [
        article('registration/a', { related: ['porting/missing', 'porting/draft', 'registration/a'] }),
        article('porting/draft', { draft: true }),
      ],
      'site-content/articles',
    );
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/related\[0\]: no article 'porting\/missing'/);
    expect(errors[1]).toMatch(/related\[1\]: 'porting\/draft' is a draft/);
    expect(errors[2]).toMatch(/related\[2\]: an article cannot be related to itself/);
  });

  it('flags duplicate titles', () => {
    const errors = checkArticleSet(
      [article('porting/a', { title: 'Same' }), article('porting/b', { title: 'same' })],
      'site-content/articles',
    );
    expect(errors).toEqual([
      'site-content/articles/porting/b.mdx: title: same title as site-content/articles/porting/a.mdx; customers could not tell them apart',
    ]);
  });
});

describe('checkTitles', () => {
  it('lists the Check titles of an MDX body in order', () => {
    const body = `<Steps>\n<Check title="Is it plugged in?" expect="Lights on.">\nx\n</Check>\n<Check expect="y" title='Is the password right?'>\n</Check>\n</Steps>`;
    expect(checkTitles(body)).toEqual(['Is it plugged in?', 'Is the password right?']);
  });
});

describe('links', () => {
  it('builds the ticket form URL with category, article and steps tried', () => {
    const url = ticketFormUrl({ category: 'registration', article: 'registration/a', tried: ['Step one', 'Step two'] });
    expect(url).toBe('/support/new/?category=registration&article=registration%2Fa&tried=Step+one&tried=Step+two');
    expect(ticketFormUrl()).toBe('/support/new/');
  });

  it('builds the edit URL without doubled slashes', () => {
    expect(editUrl('https://github.com/o/r/', 'main', '/content/articles/a/b.mdx')).toBe(
      'https://github.com/o/r/edit/main/content/articles/a/b.mdx',
    );
  });

  it('derives article ids and heading slugs', () => {
    expect(articleIdFromPath('registration/phone-wont-register.mdx')).toBe('registration/phone-wont-register');
    expect(slugify('Is the phone’s SIP server right?')).toBe('is-the-phones-sip-server-right');
  });
});
