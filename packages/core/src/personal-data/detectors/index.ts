import type { Detector } from "../types.js";
import { address } from "./address.js";
import { birthDate } from "./birth-date.js";
import { card } from "./card.js";
import { coordinates } from "./coordinates.js";
import { email } from "./email.js";
import { iban } from "./iban.js";
import { idDocument } from "./id-document.js";
import { ip } from "./ip.js";
import { nir } from "./nir.js";
import { personName } from "./person-name.js";
import { phone } from "./phone.js";
import { plate } from "./plate.js";

/** Every detector, in the order of PERSONAL_DATA_KINDS. */
export const DETECTORS: readonly Detector[] = [email, phone, nir, iban, card, personName, address, birthDate, plate, idDocument, ip, coordinates];
