import { readFileSync } from 'node:fs';
import { validateSynonymsText } from './src/lib/search/synonyms.ts';
const r = validateSynonymsText(readFileSync('/work/wt-search/content/search-synonyms.json', 'utf8'), 'content/search-synonyms.json');
console.log(r.ok ? `ok ${r.synonyms.synonyms.length}` : r.errors.join('\n'));
