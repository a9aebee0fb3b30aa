/** Types for scripts/workers.mjs (plain ESM so Node scripts can import it without a build). */
export interface WorkerEntry {
  name: string;
  config: string;
  devOnly?: boolean;
}
export interface DatabaseEntry {
  binding: string;
  name: string;
  config: string;
}
export declare const WORKERS: WorkerEntry[];
export declare const DATABASES: DatabaseEntry[];
export declare const OFFLINE_ENV: NodeJS.ProcessEnv;
