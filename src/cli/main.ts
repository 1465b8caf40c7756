#!/usr/bin/env node
import { Command, Option } from 'commander';
import { registerAdminCommands } from './admin.ts';
import { registerJobsCommand } from './jobs.ts';
import { registerLinkCommand } from './link.ts';
import { registerServeCommand } from './serve.ts';

const program = new Command()
  .name('setu')
  .description("Setu: the shared platform of India's anti-human-trafficking units")
  .addOption(
    new Option('--data-dir <dir>', 'embedded database folder (default ./.setu)').env('SETU_DATA_DIR'),
  )
  .addOption(
    new Option('--reference-dir <dir>', 'reference data folder (default ../shared/data)').env(
      'SETU_REFERENCE_DIR',
    ),
  )
  .showHelpAfterError();

registerServeCommand(program);
registerAdminCommands(program);
registerJobsCommand(program);
registerLinkCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`setu: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
