/**
 * Calls that read documents from a vector store or retriever, as data: LangChain's VectorStore and Retriever
 * methods, Pinecone's and Chroma's `query`. Their results carry the stored text, file paths and ids in metadata,
 * scores and distances: the retrieved context a RAG server should not send back whole.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, propertyName, skipTS } from '../ast.js';
import type { FileContext, Node } from '../types.js';
import { constInit, objectOf } from './messages.js';

/** What a retrieval call returns, for reading paths into it. */
export interface RetrievalShape {
  /** 'LangChain', 'Pinecone', 'Chroma'. */
  readonly store: string;
  /** Result keys that hold the records themselves (Pinecone `matches`, Chroma's parallel columns). */
  readonly containers: readonly string[];
}

const LANGCHAIN: RetrievalShape = { store: 'LangChain', containers: [] };
const PINECONE: RetrievalShape = { store: 'Pinecone', containers: ['matches'] };
const CHROMA: RetrievalShape = { store: 'Chroma', containers: ['documents', 'metadatas', 'ids', 'distances', 'embeddings'] };

/** LangChain VectorStore and BaseRetriever methods that return documents (with scores for the `WithScore` ones). */
const LANGCHAIN_METHODS = new Set([
  'similaritySearch',
  'similaritySearchWithScore',
  'similaritySearchVectorWithScore',
  'similaritySearchWithRelevanceScores',
  'maxMarginalRelevanceSearch',
  'getRelevantDocuments',
]);

/** The retrieval a call is, when it is one: a method above, a retriever's `invoke`, or a store's `query` by its options. */
export function retrievalOf(file: FileContext, call: TSESTree.CallExpression): RetrievalShape | undefined {
  const callee = skipTS(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee);
  if (method === undefined) return undefined;
  if (LANGCHAIN_METHODS.has(method)) return LANGCHAIN;
  // `vectorStore.asRetriever().invoke(q)`, or a const bound to the retriever.
  if (method === 'invoke' && isRetriever(file, callee.object)) return LANGCHAIN;
  if (method !== 'query') return undefined;
  const opts = objectOf(file, call.arguments[0]);
  if (!opts) return undefined;
  const has = (k: string): boolean => findProperty(opts, k) !== undefined;
  if (has('topK') && (has('vector') || has('id') || has('sparseVector'))) return PINECONE;
  if (has('nResults') || has('queryTexts') || has('queryEmbeddings')) return CHROMA;
  return undefined;
}

function isRetriever(file: FileContext, node: Node): boolean {
  let n = skipTS(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(file, n);
    if (!init) return false;
    n = skipTS(init);
  }
  if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTS(n.argument);
  return (
    n.type === AST_NODE_TYPES.CallExpression &&
    n.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(n.callee) === 'asRetriever'
  );
}
