import { describe, expect, it } from 'vitest';
import { categories, categoryById, categoryIds } from '../../../src/lib/articles/categories.ts';
import { CATEGORY_IDS } from '../../../src/lib/triage/categories.ts';

describe('knowledge-base categories', () => {
  it('each opens the ticket form on a ticket category that triage knows', () => {
    for (const category of categories) expect(CATEGORY_IDS, category.id).toContain(category.ticketCategory);
  });

  it('have unique ids usable as URL segments', () => {
    expect(new Set(categoryIds).size).toBe(categoryIds.length);
    for (const id of categoryIds) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(categoryById('porting')?.label).toBe('Number porting');
    expect(categoryById('nope')).toBeUndefined();
  });
});
