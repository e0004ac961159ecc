/**
 * Why the found decision answers or declines a question: its topic words (general idf, noun or
 * wording, whether the best passage and the index hold them), the features, the probability.
 *
 *   npx tsx scripts/probe-found.ts --data DIR "question" ...   (DIR: an ingested data folder)
 */
import { FOUND_FEATURES, foundFeatures, topicWords } from '../src/knowledge/answering/found-features.ts';
import { FOUND_MODEL, declinedByGate, foundProbability } from '../src/knowledge/answering/found-decision.ts';
import { comparableText } from '../src/knowledge/ranking/question-terms.ts';
import { defaultEquivalences } from '../src/knowledge/search/equivalences.ts';
import { openSqliteKnowledgeBase } from '../src/knowledge/index.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--data');
const dataDir = args[at + 1];
const questions = args.filter((_, i) => i !== at && i !== at + 1);
const kb = await openSqliteKnowledgeBase({ dataDir, log: () => undefined });
await kb.indexed();
const canonicalizer = defaultEquivalences();
for (const question of questions) {
  const { passages } = await kb.searchDetailed(question, 5);
  const features = foundFeatures(question, passages, kb.foundOptions);
  const best = passages[0] ? comparableText(passages[0].passage, canonicalizer) : '';
  console.log(`${question} → ${passages[0]?.passage.doc} ${passages[0]?.passage.location}`);
  console.log('  words: ' + topicWords(question, canonicalizer).map((w) => `${w.word}(${w.weight.toFixed(1)}${w.noun ? ' n' : ''}${w.wording ? ' w' : ''}${best.includes(w.word) ? '' : ' MISSING'})`).join(' '));
  console.log('  ' + FOUND_FEATURES.map((name, i) => (features[i] ? `${name}=${features[i].toFixed(2)}` : '')).filter(Boolean).join(' '));
  console.log(`  gate ${declinedByGate(features, FOUND_MODEL.gates, kb.foundOptions.passageCount?.())} p=${foundProbability(features).toFixed(3)} (threshold ${FOUND_MODEL.threshold})`);
}
kb.close();
