/**
 * Recognises authentication by what code does: reads a credential from the request and refuses it on failure.
 * The assembly of three parts: where credentials are read (credential-reads.ts), how a request is refused
 * (refusals.ts), and per-function summaries over both (summaries.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { resolveFunction } from '../ast.js';
import type { FileModel } from '../contract.js';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FunctionNode, Node, ParamRole } from '../types.js';
import type { KnownInfo } from './known.js';
import { pathsOf } from '../flow/paths.js';
import { traceKnown } from './known-refs.js';
import { calleeName, createCredentialReads, type CredRead } from './credential-reads.js';
import { createRefusals, type Refusal } from './refusals.js';
import { createSummaries, type Summary } from './summaries.js';

export type { CredRead, Refusal, Summary };

/** The behaviour half of the auth analysis, shared by middleware and guard recognition. */
export interface Behaviour {
  /** Traced references of known packages: call/new/member node → what it is. */
  readonly known: ReadonlyMap<Node, KnownInfo>;
  summary(fn: FunctionNode): Summary;
  /** A credential read in an expression, directly, through local variables, or through same-file helpers. */
  credentialIn(expr: Node): CredRead | undefined;
  /** How a single node refuses a request, if it does. */
  refusalAt(node: Node): Refusal | undefined;
  /** A call that throws when the credential is bad (Stripe constructEvent, jwtVerify, a throwing helper). */
  throwingVerifier(call: TSESTree.CallExpression | TSESTree.NewExpression): CredRead | undefined;
  /** A catch clause that refuses (401/403/400, rethrow, error to next, Fastify `reply.send(err)`). */
  catchRefuses(handler: TSESTree.CatchClause): boolean;
  /** The same-file function a call calls, if any. */
  helperOf(call: TSESTree.CallExpression): FunctionNode | undefined;
  /** A loose dotted name of a callee, through calls: `admin.auth().verifyIdToken` → 'admin.auth.verifyIdToken'. */
  calleeName(node: Node): string | undefined;
}

/** Builds the behaviour analysis for one file (memoised per function and variable). */
export function createBehaviour(model: FileModel): Behaviour {
  const file = model.file;
  const sourceCode = file.sourceCode;
  // Traced once, and only when a question needs it.
  let known: Map<Node, KnownInfo> | undefined;
  const getKnown = (): Map<Node, KnownInfo> => (known ??= traceKnown(file));
  const paramRole = (v: Scope.Variable): ParamRole | undefined => model.paramRole(v);

  const reads = createCredentialReads({ sourceCode, paramRole, sensitiveNames: file.settings.sensitiveNames, known: getKnown });
  const refusals = createRefusals({ sourceCode, paramRole, paths: () => pathsOf(sourceCode.ast) });
  const importedVerifier = (callee: Node): string | undefined => model.importedVerifier(callee);
  const { summary, credentialIn, throwingVerifier } = createSummaries({ sourceCode, known: getKnown, reads, refusals, importedVerifier });

  return {
    get known() {
      return getKnown();
    },
    summary,
    credentialIn,
    refusalAt: refusals.refusalAt,
    throwingVerifier,
    catchRefuses: refusals.catchRefuses,
    calleeName,
    helperOf: (call) => resolveFunction(sourceCode, call.callee),
  };
}
