/** Which parts of a model result are bookkeeping (usage, ids, finish reasons) rather than generated content. */
import { pathStartsWith } from '../ast.js';
import type { PathKey } from '../types.js';

/** Result members whose whole subtree is accounting: token usage and transport metadata, across SDKs. */
const METADATA_CONTAINERS = new Set([
  'usage', 'usageMetadata', 'totalUsage', 'usage_metadata', 'response_metadata', '$metadata', 'billed_units', 'meta',
  'headers', 'rawResponse',
  // Safety verdicts (Gemini, Azure content filters): categories and probabilities, never generated content.
  'safetyRatings', 'safety_ratings', 'promptFeedback', 'prompt_feedback', 'content_filter_results', 'prompt_filter_results',
]);

/** Scalar result fields that name or count the exchange without carrying its content. */
const METADATA_LEAVES = new Set([
  'id', 'model', 'modelVersion', 'created', 'created_at', 'object', 'system_fingerprint', 'stop_reason',
  'stop_sequence', 'finish_reason', 'finishReason', 'stopReason', 'done_reason', 'role', 'type', 'index', 'status',
  '_request_id', 'requestId', 'request_id', 'responseId', 'response_id', 'timestamp', 'done',
  'total_duration', 'eval_count', 'prompt_eval_count',
]);

/**
 * True when a property path read from a model result holds only metadata: `usage.total_tokens`, `id`,
 * `choices[0].finish_reason`, `response.id`. Content-bearing paths (`choices`, `content[0].text`) are false, and so is
 * a path at or under one of `textPaths`, where the call's SDK puts its generated content whatever the name: the
 * `object` of Vercel's `generateObject` is the generated value, OpenAI's `object` field names the response type.
 */
export function isMetadataPath(path: readonly PathKey[], textPaths: readonly (readonly PathKey[])[] = []): boolean {
  if (textPaths.some((t) => t.length > 0 && pathStartsWith(path, t))) return false;
  if (path.some((k) => typeof k === 'string' && METADATA_CONTAINERS.has(k))) return true;
  const last = path[path.length - 1];
  return typeof last === 'string' && METADATA_LEAVES.has(last);
}
