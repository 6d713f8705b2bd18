// Words that carry no meaning for this knowledge base: English function words, and the conversational filler
// customers wrap a problem in ("keeps", "anymore", "this morning"). Pagefind ANDs every word it knows, so one
// of these that is not on the right page ("anymore", "existing") used to empty the result.
// NOT here on purpose, because they name a problem or a feature: hold, drop, ring, forward, busy, transfer,
// call, phone, line, number, hear, hang, cut, stop/stopped, fail, wrong, own ("on their own", "your own PBX"),
// and any word a playbook title uses for its subject.

/** Grammar: pronouns, determiners, auxiliaries, prepositions, conjunctions, question words. */
export const functionWords: ReadonlySet<string> = new Set([
  ...['a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'itself'],
  ...['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours'],
  ...['he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their', 'theirs', 'themselves', 'yourself'],
  ...['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'one', 'ones'],
  ...['some', 'any', 'all', 'every', 'each', 'both', 'either', 'neither', 'other', 'others', 'another'],
  ...['much', 'many', 'more', 'most', 'few', 'lot', 'lots', 'bit', 'such', 'same'],
  ...['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'doing', 'done'],
  ...['have', 'has', 'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might'],
  ...['must', 'ought'],
  ...['of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'about', 'into', 'onto', 'under'],
  ...['through', 'during', 'before', 'after', 'since', 'until', 'while'],
  ...['between', 'against', 'across', 'around', 'via', 'per', 'than', 'then', 'as', 'so', 'too', 'very'],
  ...['and', 'or', 'but', 'if', 'because', 'though', 'although', 'whether', 'yet', 'also', 'just', 'only'],
  ...['how', 'what', 'why', 'when', 'where', 'who', 'whom', 'which', 'whose'],
]);

/**
 * Conversational filler: no meaning in a search ("it keeps dropping", "not working anymore"), but a synonym
 * phrase may use one on purpose ("keep my number", "phones are down", "dial out"), so phrases keep them.
 */
export const fillerWords: ReadonlySet<string> = new Set([
  ...['something', 'anything', 'everything', 'stuff', 'thing', 'things', 'whole'],
  ...['need', 'needs', 'want', 'wants', 'wanted', 'try', 'tried', 'trying'],
  ...['get', 'gets', 'got', 'getting', 'gotten', 'keep', 'keeps', 'kept', 'keeping', 'go', 'goes'],
  ...['went', 'going', 'gone', 'seem', 'seems', 'seemed', 'happen', 'happens', 'happened', 'happening'],
  ...['work', 'works', 'worked', 'working', 'like', 'know', 'think', 'say', 'says', 'said', 'tell', 'let'],
  ...['use', 'using', 'used', 'please', 'help', 'thanks', 'thank', 'hi', 'hello', 'hey', 'ok', 'okay'],
  ...['up', 'down', 'out', 'off', 'over', 'back'],
  ...['anymore', 'still', 'again', 'always', 'ever', 'already', 'now', 'today', 'yesterday', 'suddenly'],
  ...['really', 'actually', 'basically', 'even', 'quite', 'rather', 'almost', 'randomly', 'sometimes'],
  ...['often', 'usually', 'recently', 'lately', 'anyway', 'maybe', 'probably', 'possible', 'able'],
  ...['existing', 'current', 'currently', 'new', 'old', 'certain', 'specific', 'whatever'],
]);

/** Words that change what a synonym phrase means ("not ringing"): a phrase that has one needs one in the query. */
export const negations: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nothing', 'none', 'without']);

/** Every word dropped from a search: grammar, filler and negations. */
export const stopWords: ReadonlySet<string> = new Set([...functionWords, ...fillerWords, ...negations]);

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}
