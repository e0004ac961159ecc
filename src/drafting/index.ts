/** Drafting: grounded report sections and speeches, and their Word export. */
export { createDrafter, describeBasis, type Drafter, type DrafterDeps, type DraftRequest, type FactSource, type ExampleSource } from './drafter.ts';
export { draftToDocx } from './word-file.ts';
export { chatDraft, type ChatDraft, type DraftFigure } from './chat-draft.ts';
export { editedDocument } from './edited-draft.ts';
export { documentText } from './template-drafter.ts';
export type { DocxOptions, LeadInStyle } from './docx-writer.ts';
export { checkFigures, countedFigures, strayFigures, ungroundedFigures, SET_PHRASES, type CheckedFigure, type CountedFigure } from './grounding.ts';
export { loadTopics, findTopics, type Topic, type TopicBook } from './topics.ts';
export type { Draft, DraftDocument, Fact, DraftForm } from './types.ts';
export { KindWords, type KindNames } from './figure-kinds.ts';
