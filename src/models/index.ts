/**
 * The model layer: a chat model and an embedder on any OpenAI-compatible service (with
 * timeouts, retries and a circuit breaker), the prompt loader, and citation checking.
 * Without model settings nothing here is used and Lüzhi stays offline.
 */
export type { ChatMessage, ChatModel, Embedder, RerankModel, RerankScore } from './types.ts';
export { createModels, openModels, probeEmbedder, type Models, type ModelTuning } from './create-models.ts';
export { OpenAIChatModel, PLACEHOLDER_API_KEY, type OpenAIChatModelOptions } from './openai-chat-model.ts';
export { OpenAIEmbedder, type OpenAIEmbedderOptions } from './openai-embedder.ts';
export { OpenAIReranker, type OpenAIRerankerOptions } from './openai-reranker.ts';
export { ModelError, toModelError, type ModelFailure } from './model-error.ts';
export {
  CircuitBreaker, DEFAULT_BREAKER, DEFAULT_RETRY_POLICY, callResiliently, timeoutController,
  type BreakerOptions, type RetryPolicy,
} from './resilience.ts';
export { DEFAULT_PROMPTS_DIR, PromptTemplate, loadPrompt, promptMessages, type PromptValues } from './prompt-loader.ts';
export { checkCitations, type CitationCheck } from './citations.ts';
export { ReasoningFilter, withoutReasoning } from './reasoning.ts';
export { modelMessages } from './messages.ts';
