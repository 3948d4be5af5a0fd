import type { BenchmarkDefinition } from '@kaizen-bench/harness';
import type { ResolvedMultiAgentSuiteOptions } from '../options';
import { acquire, type Held, release } from './_lifecycle';
import {
  canonicalExchange,
  RAW_HTTP_FLOOR_DESCRIPTION,
  type RawHttpFloor,
  startRawHttpFloor,
} from './_raw-http-floor';

/** The message of every A2A round trip: a realistic task request (~100 bytes). */
export const A2A_MESSAGE =
  'Please check whether the invoice for order 4411 includes VAT and resend it to accounts@example.com.';

/** A2A Protocol: one A2A message round trip between two agents over loopback HTTP (DESIGN §8). */
export function createA2aProtocolBenchmark(options: ResolvedMultiAgentSuiteOptions): BenchmarkDefinition {
  let held: Held | undefined;
  let floor: RawHttpFloor | undefined;
  let lastReply: string | undefined;
  const peerId = options.team[0]?.id ?? 'billing';
  return {
    id: 'a2a_protocol',
    name: 'A2A Protocol',
    // Mostly waiting (loopback HTTP): --measure instructions counts its CPU part only.
    costKind: 'waiting',
    description:
      `Times subject.sendMessage("${peerId}", text): one A2A message (a ${Buffer.byteLength(A2A_MESSAGE)}-byte text) ` +
      'from one agent to another and its reply, over loopback HTTP. For the default subject: @a2a-js/sdk client ' +
      'builds the SendMessage JSON-RPC request, fetch POSTs it on a kept-alive connection, express + the SDK ' +
      "server parse, validate and dispatch it to the peer's handler (an echo), the reply message goes back and is " +
      'parsed. Servers and connections are set up untimed; the reply is checked untimed.',
    target: { excellentMs: 1, targetMs: 2 },
    iterations: 200,
    warmup: 20,
    async requires(ctx) {
      const got = await acquire(
        ctx,
        options,
        'a2a_protocol',
        'sendMessage',
        'the framework has no A2A (or other agent-to-agent) transport',
      );
      if (typeof got === 'string') return got;
      held = got;
      return true;
    },
    async setup(ctx) {
      lastReply = undefined;
      const reply = await held!.subject.sendMessage!(peerId, A2A_MESSAGE);
      if (reply !== A2A_MESSAGE) {
        throw new Error(
          `a2a_protocol: team agent ${peerId} answered ${JSON.stringify(reply).slice(0, 80)} to a text message; ` +
            'make it echo text-only messages',
        );
      }
      ctx.metadata['peer'] = peerId;
      ctx.metadata['message_bytes'] = Buffer.byteLength(A2A_MESSAGE);
    },
    baseline: {
      name: 'raw node:http POST',
      description: RAW_HTTP_FLOOR_DESCRIPTION,
      async setup(ctx) {
        const subject = held!.subject;
        const recorded = subject.recordExchange
          ? await subject.recordExchange(peerId, A2A_MESSAGE)
          : undefined;
        const exchange = recorded ?? canonicalExchange(A2A_MESSAGE);
        ctx.metadata['floor_payload'] = recorded
          ? "recorded from the subject's own exchange"
          : 'an A2A 1.0 JSON-RPC SendMessage request and reply built by the suite (the subject records none)';
        ctx.metadata['request_bytes'] = Buffer.byteLength(exchange.request);
        ctx.metadata['response_bytes'] = Buffer.byteLength(exchange.response);
        floor = await startRawHttpFloor(exchange);
        await floor.post(); // a first request opens the kept-alive connection
      },
      fn: () => floor!.post(),
      async teardown() {
        await floor?.close();
        floor = undefined;
      },
    },
    async fn() {
      lastReply = await held!.subject.sendMessage!(peerId, A2A_MESSAGE);
    },
    async teardown(ctx) {
      try {
        if (lastReply !== undefined && lastReply !== A2A_MESSAGE) {
          throw new Error(
            `a2a_protocol: the last timed reply was ${JSON.stringify(lastReply).slice(0, 80)}, not the echo`,
          );
        }
      } finally {
        await release(ctx, held);
        held = undefined;
      }
    },
  };
}
