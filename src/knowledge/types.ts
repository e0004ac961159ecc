/** The shapes that flow through the knowledge base: loaded documents, passages, answers. */

/** Formats the loaders read. */
export type DocumentFormat = 'pdf' | 'docx' | 'md' | 'txt';

/** One stretch of a loaded document: a PDF page, or the whole text of other formats. */
export interface DocumentSection {
  /** Plain text; DOCX and Markdown headings kept as Markdown `#` lines. */
  readonly text: string;
  /** 1-based page number, for PDFs. */
  readonly page?: number;
}

/** A file read into text, before chunking. */
export interface LoadedDocument {
  /** Absolute path of the source file. */
  readonly path: string;
  /** Human title: the first heading, the document's own title line, or the file name. */
  readonly title: string;
  readonly format: DocumentFormat;
  readonly sections: readonly DocumentSection[];
}

/** A passage as the chunker cuts it: at most ~600 characters, with where it stands. */
export interface PassageDraft {
  /** The passage text as shown and quoted to the user. */
  readonly text: string;
  /** Where it stands, for citations: `第五十一条`, `第三章 › 第五十一条`, `第3页`, a heading path. */
  readonly location: string;
  /**
   * Context that helps retrieval but is not quoted: the chapter heading, the section
   * heading path. Indexed together with `text`.
   */
  readonly context: string;
  /** 1-based page, for PDFs. */
  readonly page?: number;
}

/** A stored passage. */
export interface Passage extends PassageDraft {
  readonly id: number;
  /** Path of the document relative to the ingested folder (CONTRACTS.md `doc`). */
  readonly doc: string;
  /** Title of the document. */
  readonly title: string;
}

/** One retrieved passage with its fused score. */
export interface ScoredPassage {
  readonly passage: Passage;
  readonly score: number;
}

/** A cited source as `ask --json` prints it. */
export interface Source {
  readonly doc: string;
  readonly title: string;
  readonly location: string;
  readonly text: string;
  readonly score: number;
}

/** An answer as `ask --json` prints it. */
export interface Answer {
  readonly answer: string;
  /** False when the documents do not answer the question: `answer` then says so and quotes nothing. */
  readonly found: boolean;
  readonly mode: 'extractive' | 'llm';
  /** Ranked best first; when not found, the nearest passages, for reference only. */
  readonly sources: readonly Source[];
}

/** The knowledge base's judgement of whether the retrieved passages answer the question. */
export interface Assessment {
  /** Whether the best passages answer the question (the calibrated decision). */
  readonly found: boolean;
  /** Estimated probability (0..1) that they do. */
  readonly confidence: number;
}

/** Second stage of retrieval: re-orders the fused head of the list, best first. */
export interface Reranker {
  readonly name: string;
  rerank(question: string, candidates: readonly ScoredPassage[], options?: { signal?: AbortSignal }): Promise<ScoredPassage[]>;
}

/** What `ingest` reports (CONTRACTS.md). */
export interface IngestReport {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: ReadonlyArray<{ path: string; reason: string }>;
  /** Passages in the whole index after the ingest. */
  readonly chunks: number;
}

/** Progress of a long ingest, for a chat status message. */
export type IngestProgress = (done: number, total: number, path: string) => void;

/** Turns a question and the retrieved passages into an answer (extractive, or a model's). */
export interface Answerer {
  answer(
    question: string,
    passages: readonly ScoredPassage[],
    options?: { onPartial?: (textSoFar: string) => void; signal?: AbortSignal; assessment?: Assessment },
  ): Promise<Answer>;
}

/** The knowledge base as the rest of Lüzhi uses it. */
export interface KnowledgeBase {
  /** Ingest files or folders (recursively); re-ingesting unchanged files is a no-op. */
  ingest(paths: readonly string[], options?: { onProgress?: IngestProgress }): Promise<IngestReport>;
  /** Remove a document by its `doc` path; true if it was there. */
  remove(doc: string): Promise<boolean>;
  /** The best `k` passages for a question, best first (hybrid BM25 + vector, RRF). */
  search(question: string, k: number): Promise<ScoredPassage[]>;
  /** Answer a question with cited sources. */
  ask(question: string, options?: { k?: number; onPartial?: (textSoFar: string) => void }): Promise<Answer>;
  /** Number of stored passages. */
  size(): number;
  close(): void;
}
