import { createRequire as __conformeRequire } from "node:module";
const require = __conformeRequire(import.meta.url);
import{d as a,e as b,f as c,g as d}from"./chunk-6IRLT3XQ.js";import"./chunk-WFD23WMJ.js";export{b as DEFAULT_MAX_DOWNLOAD_BYTES,a as DEFAULT_TIMEOUT_MS,d as fetchBody,c as isPrivateAddress};
