/**
 * Runs the test stand-in OpenAI service as a process, for trying Lüzhi's model path by hand
 * or in an evaluation without any real model: its chat "model" quotes the passages it is
 * given, citing each; its embeddings are hashed character bigrams.
 *
 *   npx tsx scripts/model-stand-in.ts        → prints {"baseURL": "http://127.0.0.1:PORT/v1"}
 */
import { pathToFileURL } from 'node:url';
import { reply, startOpenAIStandIn, userMessageOf, type OpenAIStandIn, type RecordedRequest } from '../test/support/openai-stand-in.ts';

/** A reply that quotes the first `count` passages of the data block, each with its [n]. */
export function quotingReply(request: RecordedRequest, count = 3): string {
  const user = userMessageOf(request);
  const passages = [...user.matchAll(/<资料 编号="(\d+)"[^>]*>\n([\s\S]*?)\n<\/资料>/g)].slice(0, count);
  if (!passages.length) return '所给资料中没有找到明确规定。';
  return ['根据所给资料：', ...passages.map(([, n, text]) => `“${text.trim()}” [${n}]`)].join('\n');
}

/** Start the stand-in with the quoting chat model. */
export async function startQuotingStandIn(): Promise<OpenAIStandIn> {
  const service = await startOpenAIStandIn({ dimensions: 64 });
  service.setChatDefault(reply((request) => quotingReply(request), { chunkSize: 16 }));
  return service;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const service = await startQuotingStandIn();
  process.stdout.write(JSON.stringify({ baseURL: service.baseURL }) + '\n');
  const stop = () => void service.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
