/**
 * The message reader: one chat message → what it means (a log, a count, a list, a question, a
 * draft request …), by rules over the kinds of activity and the time grammar, with a model
 * reading only what the rules cannot place.
 */
export type { Extreme, LastingEnds, MessageReader, ReadActivity, Reading } from './types.ts';
export { DEFAULT_KINDS_FILE, Taxonomy, loadTaxonomy, readKindsFile } from './kinds.ts';
export type { Kind } from './kinds.ts';
export { RuleReader, readMessage } from './reader.ts';
export { readChange, readCorrection, readNamedCorrection, readNamedDeletion, type Change, type NamedCorrection, type NamedEntry } from './correction.ts';
export { readerMessages } from './messages.ts';
export { createModelReader, type ModelReaderOptions } from './model-reader.ts';
export { lexiconOf } from './lexicon.ts';
export { commandSubject, topicCore } from './query-topic.ts';
export { recorderIn } from './query-recorder.ts';
export { countMarks, withoutMarks, type CountMarks } from './count-marks.ts';
export { meetingKinds } from './query-kinds.ts';
