/** Every rule of the plugin, by id. */
import type { TSESLint } from '@typescript-eslint/utils';
import hmacOverRawBody from './hmac-over-raw-body.js';
import noErrorDetailsToClient from './no-error-details-to-client.js';
import noHardcodedCredentials from './no-hardcoded-credentials.js';
import noLlmDebugRoute from './no-llm-debug-route.js';
import noRawLlmResponse from './no-raw-llm-response.js';
import noSecretsInPrompt from './no-secrets-in-prompt.js';
import noSensitiveLogging from './no-sensitive-logging.js';
import noSystemPromptToClient from './no-system-prompt-to-client.js';
import noUnsafeLlmOutput from './no-unsafe-llm-output.js';
import noUntrustedSystemPrompt from './no-untrusted-system-prompt.js';
import requireAuthForLlmRoute from './require-auth-for-llm-route.js';
import requireHmacTimestamp from './require-hmac-timestamp.js';
import requireOutputLimit from './require-output-limit.js';
import timingSafeCompare from './timing-safe-compare.js';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'hmac-over-raw-body': hmacOverRawBody,
  'no-error-details-to-client': noErrorDetailsToClient,
  'no-hardcoded-credentials': noHardcodedCredentials,
  'no-llm-debug-route': noLlmDebugRoute,
  'no-raw-llm-response': noRawLlmResponse,
  'no-secrets-in-prompt': noSecretsInPrompt,
  'no-sensitive-logging': noSensitiveLogging,
  'no-system-prompt-to-client': noSystemPromptToClient,
  'no-unsafe-llm-output': noUnsafeLlmOutput,
  'no-untrusted-system-prompt': noUntrustedSystemPrompt,
  'require-auth-for-llm-route': requireAuthForLlmRoute,
  'require-hmac-timestamp': requireHmacTimestamp,
  'require-output-limit': requireOutputLimit,
  'timing-safe-compare': timingSafeCompare,
};
