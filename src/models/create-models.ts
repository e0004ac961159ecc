/** Builds the configured models from settings; without a model name, that model is absent (offline). */
import type { Settings } from '../config.ts';
import type { ChatModel, Embedder, RerankModel } from './types.ts';
import { OpenAIReranker } from './openai-reranker.ts';
import { OpenAIChatModel } from './openai-chat-model.ts';
import { OpenAIEmbedder } from './openai-embedder.ts';
import type { BreakerOptions, RetryPolicy } from './resilience.ts';
import { modelMessages } from './messages.ts';
import { toModelError } from './model-error.ts';
import { componentLog } from '../runtime/index.ts';

/** The models Lüzhi may use; an absent one means the offline path. */
export interface Models {
  readonly chat?: ChatModel;
  readonly embedder?: Embedder;
  /** Second stage of retrieval (LVZHI_RERANK_MODEL); the built-in re-ranker when absent or failing. */
  readonly reranker?: RerankModel;
}

/** Tuning for tests and benchmarks; production uses the defaults. */
export interface ModelTuning {
  /** Where a start-up warning goes (default: one line on stderr). */
  readonly warn?: (message: string) => void;
  readonly retry?: Partial<RetryPolicy>;
  readonly embedRetry?: Partial<RetryPolicy>;
  readonly breaker?: Partial<BreakerOptions>;
  readonly embeddingBatchSize?: number;
}

type ModelSettings = Pick<Settings, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'LVZHI_CHAT_MODEL' | 'LVZHI_EMBEDDING_MODEL'> &
  Partial<Pick<Settings, 'LVZHI_RERANK_MODEL'>>;

/** Chat model when LVZHI_CHAT_MODEL is set, embedder when LVZHI_EMBEDDING_MODEL is set, re-ranker when LVZHI_RERANK_MODEL is set. */
export function createModels(settings: ModelSettings, tuning: ModelTuning = {}): Models {
  const service = { baseURL: settings.OPENAI_BASE_URL, apiKey: settings.OPENAI_API_KEY };
  return {
    chat: settings.LVZHI_CHAT_MODEL
      ? new OpenAIChatModel({ ...service, model: settings.LVZHI_CHAT_MODEL, retry: tuning.retry, breaker: tuning.breaker })
      : undefined,
    embedder: settings.LVZHI_EMBEDDING_MODEL
      ? new OpenAIEmbedder({
        ...service, model: settings.LVZHI_EMBEDDING_MODEL, batchSize: tuning.embeddingBatchSize,
        retry: tuning.embedRetry, breaker: tuning.breaker,
      })
      : undefined,
    reranker: settings.LVZHI_RERANK_MODEL
      ? new OpenAIReranker({ ...service, model: settings.LVZHI_RERANK_MODEL, retry: tuning.retry, breaker: tuning.breaker })
      : undefined,
  };
}

/**
 * createModels, then ask the embedding service once for its vector length: an index opened
 * on disk needs `embedder.dimensions` before any text is embedded. When the service cannot be
 * reached the start goes on with a warning naming the setting: the embedder stays configured
 * (never a silent switch of vector spaces), questions are answered by keyword search with a
 * note until it is back (the stored vectors give the index its length), and files that cannot
 * be embedded are skipped with the reason. The chat model is not contacted; it falls back per answer.
 */
export async function openModels(settings: ModelSettings, tuning: ModelTuning = {}): Promise<Models> {
  const models = createModels(settings, tuning);
  await probeEmbedder(models.embedder, settings, tuning);
  return models;
}

/** The probe of `openModels` for models already created: a warning, never a failure. */
export async function probeEmbedder(embedder: Embedder | undefined, settings: ModelSettings, tuning: ModelTuning = {}): Promise<void> {
  if (!(embedder instanceof OpenAIEmbedder)) return;
  try {
    await embedder.probe();
  } catch (error) {
    const failure = toModelError(error);
    const warn = tuning.warn ?? componentLog('models');
    warn(modelMessages.embeddingUnavailable(settings.LVZHI_EMBEDDING_MODEL ?? '', failure.userMessage));
  }
}
