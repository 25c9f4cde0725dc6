// @ts-check
// The search worker: MiniSearch ranks the clause entries the build wrote (search/search_index.json),
// behind Material's own search box, which talks to it with Material's worker messages.
//
// Material's worker matches every typed word as a prefix and has no stemming or synonyms, so
// "I", "a", "on" match almost everything. Here stop words are dropped, words are stemmed
// (photos = photo, monitored = monitoring), longer words also match as a prefix and with one
// slip of spelling, and each entry's hidden "keywords" field holds the reader's words for the
// document's words (quiz/data/vocabulary.toml and the glossary).
//
// Loaded as a classic worker (Material starts it with `new Worker(url)`): the libraries, ES
// modules copied from node_modules by the build, come in with dynamic import().

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's SearchMessageType

// Words that say nothing about what the reader is looking for: function words and question words.
const STOP_WORDS = new Set(`a about after all also am an and any are as at be been but by can could
did do does doing for from get got had has have he her his how i if in into is it its just me my
no not of off on or our ours out she should so some than that the their them then there these they
this those to too up us was we were what when where which who whom why will with would you your`.split(/\s+/));

const libraries = Promise.all([
  import("../assets/search/minisearch.js"),
  import("../assets/search/stemmer.js"),
]);

/** @typedef {{location: string, title: string, text: string, keywords?: string}} Entry  one clause or page */
/** @typedef {(term: string) => string | null} ProcessTerm */
/** @type {{index: import("minisearch").default<Entry>, entries: Map<string, Entry>, processTerm: ProcessTerm} | null} */
let search = null;  // once set up

/** @param {string} term @param {(word: string) => string} stem @returns {string | null} */
function normalise(term, stem) {
  const word = term.toLowerCase().replace(/['’]s$/, "");
  // An abbreviation in capitals is never a stop word: "IT" is not "it".
  if (term.length > 1 && term === term.toUpperCase() && /\p{L}/u.test(term)) return word;
  if (!word || STOP_WORDS.has(word)) return null;
  return stem(word);
}

/** @param {{docs: Entry[]}} data */
async function setUp({ docs }) {
  const [{ default: MiniSearch }, { stemmer }] = await libraries;
  /** @type {ProcessTerm} */
  const processTerm = (term) => normalise(term, stemmer);
  const index = new MiniSearch({
    idField: "location",
    fields: ["title", "text", "keywords"],
    processTerm,
    searchOptions: {
      processTerm,
      boost: { title: 2, keywords: 1.5, text: 1 },
      prefix: (/** @type {string} */ term) => term.length >= 4,
      fuzzy: (/** @type {string} */ term) => (term.length >= 5 ? 0.2 : false),
      // A page as a whole is only a result where no clause of it is.
      boostDocument: (/** @type {string} */ location) => (location.includes("#") ? 1 : 0.3),
    },
  });
  index.addAll(docs);
  search = { index, entries: new Map(docs.map((doc) => [doc.location, doc])), processTerm };
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// The entry's text (escaped) from a little before the first matched word, the matched words marked
// (matched: the index's own terms that the search found in this entry).
/** @param {string} text @param {Set<string>} matched @param {ProcessTerm} processTerm */
function snippet(text, matched, processTerm) {
  const pieces = text.split(/([\p{L}\p{N}]+)/u);  // odd indexes hold the words
  const marked = pieces.map((piece, i) => i % 2 === 1 && matched.has(processTerm(piece) ?? ""));
  let start = Math.max(0, marked.indexOf(true));
  for (let before = 0; start > 1 && before + pieces[start - 1].length < 80; start -= 1) {
    before += pieces[start - 1].length;
  }
  if (start % 2 === 0 && start > 0) start += 1;  // begin on a word
  let end = start;
  for (let length = 0; end < pieces.length && length < 300; end += 1) length += pieces[end].length;
  const html = pieces.slice(start, end)
    .map((/** @type {string} */ piece, /** @type {number} */ k) => (marked[start + k] ? `<mark>${escapeHtml(piece)}</mark>` : escapeHtml(piece)))
    .join("");
  return (start > 0 ? "… " : "") + html + (end < pieces.length ? " …" : "");
}

/** @param {string} text */
function query(text) {
  const { index, entries, processTerm } = /** @type {NonNullable<typeof search>} */ (search);
  const hits = index.search(text);
  const wanted = [...new Set(text.split(/[^\p{L}\p{N}'’]+/u).filter((w) => processTerm(w)))];
  /** @typedef {{location: string, title: string, text: string, score: number, terms: Record<string, boolean>}} Item */
  /** @type {Map<string, Item[]>} */
  const groups = new Map();
  for (const hit of hits) {
    const page = hit.id.split("#")[0];
    const entry = /** @type {Entry} */ (entries.get(hit.id));
    const matched = new Set(hit.terms);
    const found = new Set(hit.queryTerms);
    const item = {
      location: entry.location,
      title: escapeHtml(entry.title),
      text: snippet(entry.text, matched, processTerm),
      score: hit.score,
      terms: Object.fromEntries(wanted.map((w) => [w.toLowerCase(), found.has(processTerm(w) ?? "")])),
    };
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page)?.push(item);
  }
  // Material shows a page, then its clauses that score at least its first item's score, and folds
  // the rest under "more on this page": the page goes first, with half its best clause's score.
  const items = [...groups.entries()].map(([page, found]) => {
    const article = found.find((item) => item.location === page);
    const clauses = found.filter((item) => item !== article);
    const best = clauses.length ? clauses[0].score : /** @type {Item} */ (article).score;
    const doc = /** @type {Entry} */ (entries.get(page));
    const head = article || { location: page, title: escapeHtml(doc.title), text: "", terms: {} };
    return [{ ...head, score: best / 2 }, ...clauses];
  });
  return { items };
}

addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    await setUp(message.data);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: search ? query(message.data) : { items: [] } });
  }
});
