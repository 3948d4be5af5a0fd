import type * as A2aCore from '@a2a-js/sdk';
import type * as A2aClient from '@a2a-js/sdk/client';
import type * as A2aServer from '@a2a-js/sdk/server';
import type * as A2aServerExpress from '@a2a-js/sdk/server/express';
import type Express from 'express';

/** What an A2A server needs, imported on first use: the SDK's server side and express cost tens of ms. */
export interface A2aServerModules {
  core: typeof A2aCore;
  server: typeof A2aServer;
  serverExpress: typeof A2aServerExpress;
  express: typeof Express;
  http: typeof import('node:http');
}

/** What an A2A client needs, imported on first use. */
export interface A2aClientModules {
  core: typeof A2aCore;
  client: typeof A2aClient;
}

let serverModules: Promise<A2aServerModules> | undefined;
let clientModules: Promise<A2aClientModules> | undefined;

function retryOnFailure<T>(promise: Promise<T>, reset: () => void): Promise<T> {
  promise.catch(reset);
  return promise;
}

export function importA2aServer(): Promise<A2aServerModules> {
  serverModules ??= retryOnFailure(
    Promise.all([
      import('@a2a-js/sdk'),
      import('@a2a-js/sdk/server'),
      import('@a2a-js/sdk/server/express'),
      import('express'),
      import('node:http'),
    ]).then(([core, server, serverExpress, express, http]) => ({
      core,
      server,
      serverExpress,
      // Node's ESM loader gives express's CommonJS `module.exports` as `default`.
      express: (express as { default: typeof Express }).default ?? (express as unknown as typeof Express),
      http,
    })),
    () => {
      serverModules = undefined;
    },
  );
  return serverModules;
}

export function importA2aClient(): Promise<A2aClientModules> {
  clientModules ??= retryOnFailure(
    Promise.all([import('@a2a-js/sdk'), import('@a2a-js/sdk/client')]).then(([core, client]) => ({
      core,
      client,
    })),
    () => {
      clientModules = undefined;
    },
  );
  return clientModules;
}
