/** Drafting: grounded report sections and speech paragraphs, and their Word export. */
export { createDrafter, describeBasis, type Drafter, type DrafterDeps, type DraftRequest, type FactSource, type ExampleSource } from './drafter.ts';
export { draftToDocx } from './docx-writer.ts';
export { countedFigures, ungroundedFigures, type CountedFigure } from './grounding.ts';
export { loadTopics, findTopic, type Topic } from './topics.ts';
export type { Draft, DraftDocument, Fact, DraftForm } from './types.ts';
