import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type {
  SuiteApprover,
  ToolCallingSubject,
  ToolCallingWorkload,
  ToolExecutionResult,
} from '@kaizen-bench/suite-tool-calling';
import { AIMessage, type ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { Annotation, Command, interrupt, MessagesAnnotation, StateGraph } from '@langchain/langgraph';
import { ToolNode } from '@langchain/langgraph/prebuilt';
import { type GraphCheckpointer, openGraphCheckpointer } from '../_graph-checkpointer';
import type { LanggraphSuiteOptions } from '../options';

/** Name of the LangGraph tool-calling subject in results (the backend is appended). */
export const LANGGRAPH_TOOL_CALLING_SUBJECT_NAME = 'LangGraph.js interrupt() approval + ToolNode';

/** Why Permission Check is skipped on LangGraph. */
export const LANGGRAPH_NO_PERMISSION_LAYER =
  "LangGraph.js has no permission layer: which tool may run with which arguments is the application's own node code";

type ApprovalRequest = { tool: string; args: unknown; sessionId: string };
type ApprovalDecision = { approved: boolean; reason: string };

const ApprovalState = Annotation.Root({
  request: Annotation<ApprovalRequest>(),
  decision: Annotation<ApprovalDecision>(),
});

/** A path of a call, resolved in the sandbox root; throws when it leaves it (the tool's own check). */
function inRoot(root: string, path: unknown): string {
  if (typeof path !== 'string') throw new Error('path must be a string');
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new Error(`path ${path} is outside the sandbox`);
  return full;
}

/**
 * The Tool Calling suite's subject on LangGraph.js. Approval Workflow: a graph whose `approve` node calls
 * `interrupt(request)`; `invoke` returns the interrupt, the suite's approver answers, and
 * `invoke(new Command({ resume: answer }))` resumes the node, which records the decision in the thread's state:
 * the checkpointer's write of it is the durable record (LangGraph has no audit trail). Tool Execution: a
 * one-node graph running a `ToolNode` with `fs_write` / `fs_read` as `tool()`s with JSON schemas (LangChain
 * validates the arguments), the node's `timeout` policy as the time-out; the tools' bodies keep paths inside
 * the sandbox root lexically (the application's code: LangGraph has no sandbox). Permission Check is declared
 * unsupported: LangGraph has no permission layer.
 */
export function createLanggraphToolCallingSubject(options: LanggraphSuiteOptions): ToolCallingSubject {
  let checkpointer: GraphCheckpointer | undefined;
  let approvals: ReturnType<typeof buildApprovalGraph> | undefined;
  let tools: ReturnType<typeof buildToolGraph> | undefined;
  let decisions = 0;
  let requests = 0;

  const buildApprovalGraph = (saver: GraphCheckpointer['saver']) =>
    new StateGraph(ApprovalState)
      .addNode('approve', (state) => ({
        decision: interrupt<ApprovalRequest, ApprovalDecision>(state.request),
      }))
      .addEdge('__start__', 'approve')
      .addEdge('approve', '__end__')
      .compile({ checkpointer: saver });

  const buildToolGraph = (workload: ToolCallingWorkload) => {
    const root = workload.sandboxRoot;
    const fsWrite = tool(
      async ({ path, content }: { path: string; content: string }) => {
        await writeFile(inRoot(root, path), content);
        return { written: Buffer.byteLength(content) };
      },
      {
        name: 'fs_write',
        description: 'Writes a text file in the sandbox.',
        schema: {
          type: 'object',
          properties: { path: { type: 'string' }, content: { type: 'string' } },
          required: ['path', 'content'],
          additionalProperties: false,
        },
      },
    );
    const fsRead = tool(
      async ({ path }: { path: string }) => ({ content: await readFile(inRoot(root, path), 'utf8') }),
      {
        name: 'fs_read',
        description: 'Reads a text file in the sandbox.',
        schema: {
          type: 'object',
          properties: { path: { type: 'string' } },
          required: ['path'],
          additionalProperties: false,
        },
      },
    );
    return new StateGraph(MessagesAnnotation)
      .addNode('tools', new ToolNode([fsWrite, fsRead]), { timeout: { runTimeout: workload.toolTimeoutMs } })
      .addEdge('__start__', 'tools')
      .addEdge('tools', '__end__')
      .compile();
  };

  return {
    name: `${LANGGRAPH_TOOL_CALLING_SUBJECT_NAME} (${options.backend})`,
    unsupported: { permission_check: LANGGRAPH_NO_PERMISSION_LAYER },
    async prepare(workload) {
      checkpointer ??= await openGraphCheckpointer(options);
      approvals ??= buildApprovalGraph(checkpointer.saver);
      tools = buildToolGraph(workload);
    },
    async requestApproval(call, approver: SuiteApprover) {
      if (!approvals) throw new Error('LangGraph tool-calling subject: call prepare(workload) first');
      const config = { configurable: { thread_id: `${call.sessionId}-approval-${++requests}` } };
      const paused = await approvals.invoke(
        { request: { tool: call.tool, args: call.args, sessionId: call.sessionId } },
        config,
      );
      const pending = (paused as { __interrupt__?: Array<{ value: ApprovalRequest }> }).__interrupt__?.[0];
      if (!pending) throw new Error('LangGraph tool-calling subject: the approval graph did not interrupt');
      const answer = approver(pending.value);
      const done = await approvals.invoke(new Command({ resume: answer }), config);
      decisions++;
      return { approved: done.decision.approved };
    },
    async callTool(call, { signal }): Promise<ToolExecutionResult> {
      if (!tools) throw new Error('LangGraph tool-calling subject: call prepare(workload) first');
      const request = new AIMessage({
        content: '',
        tool_calls: [{ id: `call_${call.tool}`, name: call.tool, args: call.args, type: 'tool_call' }],
      });
      const out = await tools.invoke({ messages: [request] }, { signal });
      const reply = out.messages.at(-1) as ToolMessage | undefined;
      if (reply?.getType() !== 'tool') return { ok: false, error: 'the ToolNode returned no tool message' };
      const content = String(reply.content);
      if (reply.status === 'error') return { ok: false, error: content };
      return { ok: true, result: JSON.parse(content) };
    },
    auditFacts: () => ({
      durability: `the decision in the thread's checkpoint (${checkpointer?.where ?? options.backend})`,
      recordsWritten: decisions,
    }),
    describe: () => ({
      framework: 'LangGraph.js (@langchain/langgraph interrupt() / Command({ resume }), prebuilt ToolNode)',
      backend: options.backend,
      ...(checkpointer ? { checkpointer: checkpointer.where } : {}),
      approval:
        'interrupt() in a node; invoke returns __interrupt__; invoke(new Command({ resume })) on the same thread',
      tool_execution:
        'ToolNode in a one-node graph: LangChain JSON-schema validation, node timeout policy; no permission check; ' +
        'sandbox = a lexical path check in the tool body (application code)',
    }),
    async close() {
      await checkpointer?.close();
      checkpointer = undefined;
    },
  };
}
