/**
 * The catalogue snapshot bundled in the page at build time: the table schemas of
 * schema.data.gouv.fr's catalogue with their bodies, so that picking one needs no request.
 */
export interface CatalogueSnapshot {
  /** Where the catalogue was read from (path or URL), for the page's footer and the audit trail. */
  source: string;
  /** When the snapshot was taken, ISO 8601. */
  createdAt: string;
  schemas: BundledSchema[];
}

export interface BundledSchema {
  /** schema.data.gouv.fr id, `org/name`. */
  id: string;
  title?: string;
  /** The catalogue's latest version, the one bundled. */
  version: string;
  /** Where the catalogue publishes this version: the report's schema source. */
  url: string;
  /** The Table Schema, parsed. */
  schema: unknown;
}

/** Id of the `<script type="application/json">` element holding the snapshot in the page. */
export const SNAPSHOT_ELEMENT_ID = "conforme-catalogue";
