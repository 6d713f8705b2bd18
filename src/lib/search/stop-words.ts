// Words that carry no meaning for this knowledge base: English function words, and the conversational filler
// customers wrap a problem in ("keeps", "anymore", "this morning"). Pagefind ANDs every word it knows, so one
// of these that is not on the right page ("anymore", "existing") used to empty the result.
// NOT here on purpose, because they name a problem or a feature: hold, drop, ring, forward, busy, transfer,
// call, phone, line, number, hear, hang, cut, stop/stopped, fail, wrong, no/not (kept for synonym phrases,
// see `negations`), and any word a playbook title uses for its subject.

export const stopWords: ReadonlySet<string> = new Set([
  // articles, pronouns, determiners
  ...['a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'itself'],
  ...['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours'],
  ...['he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their', 'theirs', 'themselves', 'yourself'],
  ...['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'one', 'ones'],
  ...['something', 'anything', 'everything', 'stuff', 'thing', 'things'],
  ...['some', 'any', 'all', 'every', 'each', 'both', 'either', 'neither', 'other', 'others', 'another'],
  ...['much', 'many', 'more', 'most', 'few', 'lot', 'lots', 'bit', 'such', 'same', 'own', 'whole'],
  // auxiliaries and modal verbs
  ...['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'doing', 'done'],
  ...['have', 'has', 'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might'],
  ...['must', 'ought', 'need', 'needs', 'want', 'wants', 'wanted', 'try', 'tried', 'trying'],
  // vague verbs that wrap the real problem ("it keeps happening", "we get", "seems to")
  ...['get', 'gets', 'got', 'getting', 'gotten', 'keep', 'keeps', 'kept', 'keeping', 'go', 'goes'],
  ...['went', 'going', 'gone', 'seem', 'seems', 'seemed', 'happen', 'happens', 'happened', 'happening'],
  ...['work', 'works', 'worked', 'working', 'like', 'know', 'think', 'say', 'says', 'said', 'tell', 'let'],
  ...['use', 'using', 'used', 'please', 'help', 'thanks', 'thank', 'hi', 'hello', 'hey', 'ok', 'okay'],
  // prepositions and conjunctions
  ...['of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'about', 'into', 'onto', 'over', 'under'],
  ...['up', 'down', 'out', 'off', 'through', 'during', 'before', 'after', 'since', 'until', 'while'],
  ...['between', 'against', 'across', 'around', 'via', 'per', 'than', 'then', 'as', 'so', 'too', 'very'],
  ...['and', 'or', 'but', 'if', 'because', 'though', 'although', 'whether', 'yet', 'also', 'just', 'only'],
  // question words
  ...['how', 'what', 'why', 'when', 'where', 'who', 'whom', 'which', 'whose'],
  // time and degree filler
  ...['anymore', 'still', 'again', 'always', 'ever', 'already', 'now', 'today', 'yesterday', 'suddenly'],
  ...['really', 'actually', 'basically', 'even', 'quite', 'rather', 'almost', 'randomly', 'sometimes'],
  ...['often', 'usually', 'recently', 'lately', 'anyway', 'maybe', 'probably', 'possible', 'able'],
  ...['existing', 'current', 'currently', 'new', 'old', 'same', 'certain', 'specific', 'whatever'],
  // the negations: kept when matching synonym phrases (see `negations`), dropped from search terms
  ...['not', 'no', 'never', 'nothing', 'none', 'without'],
]);

/** Words that change what a synonym phrase means ("not ringing"): they must be in the query for it to match. */
export const negations: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nothing', 'none', 'without']);

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}
