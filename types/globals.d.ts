// What the site's browser scripts share through globals: Material's, and the early worker start.

interface Window {
  /** The Python worker start-python.js starts from a widget page's head; python-client.js takes it over. */
  __pythonWorker: Worker | null;
  /** Why that worker failed to load, if it did before python-client.js took it over. */
  __pythonWorkerError?: string;
}

/** Material's page observable: fires on the first load and after each instant navigation. */
declare var document$: { subscribe(next: () => void): unknown };

// Material's storage helpers, which its bundle calls (theme-storage.js defines them).
declare var __md_scope: URL;
declare var __md_hash: (value: string) => number;
declare var __md_get: (key: string, storage?: Storage, scope?: URL) => any;
declare var __md_set: (key: string, value: unknown, storage?: Storage, scope?: URL) => void;
