/** The shapes that flow through the knowledge base: loaded documents, passages, answers. */

/** Formats the loaders read. */
export type DocumentFormat = 'pdf' | 'docx' | 'doc' | 'wps' | 'ofd' | 'md' | 'txt';

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
  /** What the user should know about how it was read (pages read by OCR, pages left out), in Chinese. */
  readonly notes?: readonly string[];
}

/** Options for reading one file. */
export interface LoadOptions {
  /** Called as each scanned page's recognition starts: page `done` of `total` scanned pages. */
  readonly onOcrProgress?: (done: number, total: number) => void;
  /** Stops a long read (OCR of a scan) with a Chinese reason; nothing is returned. */
  readonly signal?: AbortSignal;
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
  /** Remarks on files that were ingested (pages read by OCR, pages left out), one per line. */
  readonly notes: ReadonlyArray<{ path: string; note: string }>;
  /** Passages in the whole index after the ingest. */
  readonly chunks: number;
}

/** The scope every person sees: documents not given to a department. */
export const PUBLIC_SCOPE = '公共';

/** Whether a document is the one in force or an older version of it. */
export type DocumentStatus = 'in_force' | 'superseded';

/** One stored document as `docs --json` lists it (CONTRACTS.md). */
export interface DocumentInfo {
  /** Path relative to the folder it was ingested from (its identity). */
  readonly doc: string;
  readonly title: string;
  readonly passages: number;
  /** When it was last stored (ISO time). */
  readonly added_at: string;
  /** The department that sees it, or `公共`. */
  readonly scope: string;
  readonly status: DocumentStatus;
}

/** A stretch of a long list: `limit` items after the first `offset`. */
export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/** One page of a list, with how many there are in all. */
export interface Paged<T> {
  readonly total: number;
  readonly items: readonly T[];
}

/** Who changed a document by hand and through what, for the audit trail. */
export interface DocumentChange {
  /** `telegram:111`, `terminal:<user>`. */
  readonly by: string;
  readonly byName?: string;
  /** `cli`, `telegram`, … */
  readonly channel: string;
}

/** Which documents a person may see: `公共` and their departments; undefined sees everything (the terminal). */
export interface Visibility {
  readonly scopes?: readonly string[];
}

/** Progress of a long ingest, for a chat status message. */
export type IngestProgress = (done: number, total: number, path: string) => void;

/** Options of one ingest. */
export interface IngestOptions {
  readonly onProgress?: IngestProgress;
  /** Progress inside one scanned file: page `done` of the `total` pages it needs read by OCR. */
  readonly onOcrProgress?: (done: number, total: number, path: string) => void;
  /** Stops the ingest: the file being read is skipped with a Chinese reason, later ones are not read. */
  readonly signal?: AbortSignal;
  /** The department every file goes into (`ingest --scope`, a chat's department); else by folder, else `公共`. */
  readonly scope?: string;
  /** Department names: a file whose first folder under the ingested root is one of them goes into it. */
  readonly departments?: readonly string[];
  /** For one file: the `doc` it is stored as (a chat upload's folder + name) instead of its parent folder + name. */
  readonly doc?: string;
  /**
   * Resolve only once every index file is complete (`indexed`), for a process that ends after
   * the ingest (the CLI): the vector graph's worker then runs at normal priority instead of
   * yielding the cores to the ingest, since nothing searches before it is done.
   */
  readonly wholeIndex?: boolean;
}

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
  ingest(paths: readonly string[], options?: IngestOptions): Promise<IngestReport>;
  /**
   * Resolves once the index files are complete. An ingest resolves as soon as its passages can be
   * searched; a large one's vector graph is completed after it (searched exactly meanwhile), and a
   * process about to end waits here so the graph is kept (the CLI's `ingest`).
   */
  indexed(): Promise<void>;
  /** Remove a document by its `doc` path (search indexes follow); undefined when there is none. */
  remove(doc: string, change?: DocumentChange): Promise<{ doc: string; passages: number } | undefined>;
  /** The stored documents the viewer may see, by `doc`. */
  documents(visibility?: Visibility): Promise<DocumentInfo[]>;
  /** One stored document by `doc`, if the viewer may see it. */
  document(doc: string, visibility?: Visibility): Promise<DocumentInfo | undefined>;
  /** Set a document's status by hand (it then stays so); `supersededBy` names the version that replaces it. */
  setStatus(doc: string, status: DocumentStatus, options?: { supersededBy?: string; change?: DocumentChange }): Promise<DocumentInfo>;
  /** The best `k` passages for a question among the documents the viewer may see, best first. */
  search(question: string, k: number, visibility?: Visibility): Promise<ScoredPassage[]>;
  /**
   * Answer a question with cited sources, from the documents the viewer may see; with `today`
   * (YYYY-MM-DD), an answer from a document of another year than the 今年/去年 asked says so first.
   */
  ask(question: string, options?: { k?: number; onPartial?: (textSoFar: string) => void; today?: string } & Visibility): Promise<Answer>;
  /** Number of stored passages. */
  size(): number;
  close(): void;
}
