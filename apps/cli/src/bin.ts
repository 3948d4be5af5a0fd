#!/usr/bin/env node
import { runCli } from './program';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only unexpected errors get a stack: user mistakes are CliErrors, handled inside runCli.
    console.error(error);
    process.exitCode = 1;
  },
);
