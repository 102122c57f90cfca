/** conforme's version, written in reports; a test keeps it equal to package.json's. */
export const VERSION = "0.1.0";
