import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A drafting topic: the words that name it and the kinds each item of the draft counts. */
export interface Topic {
  readonly id: string;
  readonly label: string;
  readonly words: readonly string[];
  readonly groups: ReadonlyArray<readonly string[]>;
}

const schema = z.object({
  topics: z.array(z.object({
    id: z.string().min(1),
    label: z.string().min(1),
    words: z.array(z.string().min(1)),
    groups: z.array(z.array(z.string().min(1)).min(1)).min(1),
  })).min(1),
});

/** The editable topic mapping shipped with Lüzhi. */
export const TOPICS_FILE = new URL('./topics.json', import.meta.url);

/** Read the topic mapping. */
export function loadTopics(file: string | URL = TOPICS_FILE): Topic[] {
  return schema.parse(JSON.parse(readFileSync(file, 'utf8'))).topics;
}

/**
 * The topic a request names: the one whose longest matching word is longest
 * (so 视察调研 beats 监督's shorter words); ties go to the earlier topic in the file.
 */
export function findTopic(request: string, topics: readonly Topic[]): Topic | undefined {
  let best: Topic | undefined;
  let bestLength = 0;
  for (const topic of topics) {
    for (const word of topic.words) {
      if (word.length > bestLength && request.includes(word)) {
        best = topic;
        bestLength = word.length;
      }
    }
  }
  return best;
}

/** The form a request asks for: a paragraph to read aloud, or a report section. */
export function findForm(request: string): 'section' | 'speech' {
  return /发言|讲话|致辞|演讲/.test(request) ? 'speech' : 'section';
}
