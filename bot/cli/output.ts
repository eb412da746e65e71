// How the admin command line speaks: lines to standard output, and an error
// type whose message is shown as is (exit code 2).
export class CliError extends Error {}

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}
