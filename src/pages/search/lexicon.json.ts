// /search/lexicon.json: what the search islands need to read a customer's sentence (code names, synonyms),
// prerendered and fetched once, on the first search.
import type { APIRoute } from 'astro';
import { searchLexicon } from '../../data/search.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await searchLexicon()), { headers: { 'Content-Type': 'application/json' } });
