export interface MainOptions {
  argv: string[];
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function main(_options: MainOptions): Promise<number> {
  return 0;
}
