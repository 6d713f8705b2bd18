// A small code reference and synonym table for the search tests (never content/: they test the layer, not
// today's content).
import type { CodeNames } from '../../../src/lib/codes/lookup.ts';
import type { SearchLexicon } from '../../../src/lib/search/lexicon.ts';

export const codes: CodeNames = {
  sip: [
    { code: 401, phrase: 'Unauthorized' },
    { code: 403, phrase: 'Forbidden' },
    { code: 404, phrase: 'Not Found' },
    { code: 408, phrase: 'Request Timeout' },
    { code: 481, phrase: 'Call/Transaction Does Not Exist' },
    { code: 486, phrase: 'Busy Here' },
    { code: 488, phrase: 'Not Acceptable Here' },
    { code: 503, phrase: 'Service Unavailable' },
  ],
  q850: [
    { cause: 1, name: 'UNALLOCATED_NUMBER' },
    { cause: 3, name: 'NO_ROUTE_DESTINATION' },
    { cause: 16, name: 'NORMAL_CLEARING' },
    { cause: 17, name: 'USER_BUSY' },
    { cause: 34, name: 'NORMAL_CIRCUIT_CONGESTION' },
    { cause: 127, name: 'INTERWORKING' },
  ],
};

export const lexicon: SearchLexicon = {
  pages: 100,
  codes,
  synonyms: [
    { phrases: ["can't hear anything I say", 'they cannot hear me'], terms: ['one-way audio'] },
    { phrases: ['business name does not appear'], terms: ['caller ID name', 'CNAM'] },
    { phrases: ['bring our numbers', 'keep my number'], terms: ['port'] },
    { phrases: ['ending on their own'], terms: ['dropped calls'] },
    { phrases: ['goes offline'], terms: ['registers then drops'] },
    { phrases: ['calls flagged'], terms: ['STIR/SHAKEN attestation'] },
  ],
};
