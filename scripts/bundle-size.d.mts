export interface BundleChunk {
  file: string;
  entry: boolean;
  eager: boolean;
  bytes: number;
  gzip: number;
  inputs: string[];
  holds: string[];
}
export declare const LAZY_ONLY: { label: string; test: (input: string) => boolean }[];
export declare function browserBundle(entry?: string): Promise<BundleChunk[]>;
export declare function bundleTable(chunks: BundleChunk[]): string;
