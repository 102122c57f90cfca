export { main, type MainOptions } from "./main.js";
