import { describe, expect, it } from "vitest";
import type { Finding } from "../findings.js";
import { personalDataCheck } from "./personal-data-check.js";
import { runChecks } from "../checks/check-tester.js";

function run(labels: string[], rows: string[][], options: Record<string, unknown> = {}): Finding[] {
  return runChecks([personalDataCheck], { labels, rows }, { options: { "personal-data": options } });
}

function repeat<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

const PERSONS = [
  ["DUPONT", "Jean", "jean.dupont@gmail.com", "06 12 34 56 78", "12 rue des Lilas"],
  ["MARTIN", "Sophie", "sophie.martin@orange.fr", "06 22 33 44 55", "3 avenue Foch"],
  ["BERNARD", "Luc", "l.bernard@free.fr", "07 81 22 33 44", "4 impasse des Roses"],
  ["PETIT", "Claire", "claire.petit@laposte.net", "06 98 76 54 32", "18 chemin des Vignes"],
];

describe("personal-data: column verdicts", () => {
  const cases: { name: string; labels: string[]; rows: string[][]; expected: [string, string][] }[] = [
    {
      name: "a register of persons",
      labels: ["nom", "prenom", "email", "telephone", "adresse"],
      rows: PERSONS,
      expected: [
        ["nom", "personal-data-person-name"],
        ["prenom", "personal-data-person-name"],
        ["email", "personal-data-email"],
        ["telephone", "personal-data-phone"],
        ["adresse", "personal-data-address"],
      ],
    },
    {
      name: "facilities: building names, one switchboard, public addresses, coordinates",
      labels: ["nom", "adresse", "telephone", "email", "latitude", "longitude", "siret"],
      rows: repeat(12, (i) => [
        ["Gymnase Jean Jaurès", "Stade Pierre de Coubertin", "Salle Marcel Cerdan", "École Jules Ferry"][i % 4]!,
        `${i + 1} rue de la Mairie`,
        "02 98 31 95 45",
        ["mairie@ville.fr", "sports@ville.fr", "accueil@ville.fr"][i % 3]!,
        `48.38${i}123`,
        `-4.62${i}456`,
        "21290212400019",
      ]),
      expected: [],
    },
    {
      name: "mobiles of facility managers are personal even in a facilities list",
      labels: ["equipement", "portable_gardien"],
      rows: repeat(6, (i) => [`Gymnase ${i}`, `06 1${i} 34 56 7${i}`]),
      expected: [["portable_gardien", "personal-data-phone"]],
    },
    {
      name: "NIR with valid keys; NIR-like numbers with bad keys are ignored",
      labels: ["nir", "identifiant"],
      rows: [
        ["1 84 03 75 112 005 95", "184037511200594"],
        ["2 69 05 2A 004 012 28", "269052A00401229"],
        ["184037511200595", "184037511200590"],
      ],
      expected: [["nir", "personal-data-nir"]],
    },
    {
      name: "IBAN passing mod 97; references failing it are not IBANs",
      labels: ["iban", "reference"],
      rows: [
        ["FR76 3000 6000 0112 3456 7890 189", "FR76 3000 6000 0112 3456 7890 188"],
        ["DE89 3704 0044 0532 0130 00", "DE88 3704 0044 0532 0130 00"],
      ],
      expected: [["iban", "personal-data-iban"]],
    },
    {
      name: "version strings are not IP addresses; public IPs are",
      labels: ["version", "ip_client"],
      rows: repeat(5, (i) => [`1.2.${i}.4`, `82.64.${i}.130`]),
      expected: [["ip_client", "personal-data-ip"]],
    },
    {
      name: "decision dates are not birth dates",
      labels: ["date_decision", "date_naissance"],
      rows: repeat(5, (i) => [`0${i + 1}/03/2024`, `1${i}/05/198${i}`]),
      expected: [["date_naissance", "personal-data-birth-date"]],
    },
    {
      name: "identity documents need their header",
      labels: ["reference", "numero_passeport"],
      rows: repeat(5, (i) => [`1${i}AB3456${i}`, `1${i}AB3456${i}`]),
      expected: [["numero_passeport", "personal-data-id-document"]],
    },
    {
      name: "plates, SIV and FNI",
      labels: ["immatriculation"],
      rows: [["AB-123-CD"], ["1234 TK 29"], ["FG-456-HJ"]],
      expected: [["immatriculation", "personal-data-plate"]],
    },
  ];

  it.each(cases)("$name", ({ labels, rows, expected }) => {
    const findings = run(labels, rows);
    expect(findings.map((f) => [f.fieldName, f.code])).toEqual(expected);
    for (const f of findings) expect(f.fieldNumber).toBe(labels.indexOf(f.fieldName!) + 1);
  });

  it("reports evidence, masked examples and legal references", () => {
    const [f] = run(
      ["email"],
      PERSONS.map((r) => [r[2]!]),
    );
    expect(f?.messageId).toBe("emailColumn");
    expect(f?.data).toMatchObject({
      kind: "email",
      evidence: { headerHint: "email", share: 1 },
      examples: ["j***@g***.com", "s***@o***.fr", "l***@f***.fr"],
      legal: expect.arrayContaining(["RGPD art. 4(1)", "CRPA L312-1-2"]),
      rows: [2, 3, 4, 5],
    });
    expect(f?.data.confidence).toBeGreaterThan(0.9);
  });

  it("raises NIR, IBAN, cards and identity documents as errors", () => {
    const [f] = run(["nir"], [["1 84 03 75 112 005 95"], ["184037511200595"]]);
    expect(f?.severity).toBe("error");
  });

  it("lowers elected officials' names and institutional e-mails to info (CRPA D312-1-3)", () => {
    const rows = repeat(8, (i) => [
      ["DUPONT", "MARTIN", "PETIT", "DURAND"][i % 4]!,
      ["Jean", "Sophie", "Luc", "Claire"][i % 4]!,
      i === 0 ? "Maire" : `${i}e adjoint`,
      `p${i}.nom@mairie-x.fr`,
    ]);
    const findings = run(["nom", "prenom", "fonction", "email"], rows);
    expect(findings.map((f) => [f.fieldName, f.severity, f.messageId, f.data.exemption])).toEqual([
      ["nom", "info", "personNameColumnExempt", "CRPA D312-1-3"],
      ["prenom", "info", "personNameColumnExempt", "CRPA D312-1-3"],
      ["email", "info", "emailColumnExempt", "CRPA D312-1-3"],
    ]);
  });

  it("keeps private mailboxes of elected officials as warnings", () => {
    const rows = repeat(4, (i) => [["DUPONT", "MARTIN", "PETIT", "DURAND"][i]!, "Maire", `jean${i}.nom@gmail.com`]);
    const findings = run(["nom", "fonction", "email"], rows);
    expect(findings.find((f) => f.fieldName === "email")?.severity).toBe("warning");
  });

  it("marks accepted findings and keeps them visible", () => {
    const findings = run(
      ["email"],
      PERSONS.map((r) => [r[2]!]),
      {
        accept: [{ column: "email", kind: "email", reason: "consentement recueilli" }],
      },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.accepted).toEqual({ reason: "consentement recueilli" });
  });

  it("runs only the detectors selected in options", () => {
    const findings = run(["nom", "prenom", "email", "telephone", "adresse"], PERSONS, { detectors: ["email"] });
    expect(findings.map((f) => f.code)).toEqual(["personal-data-email"]);
  });
});

describe("personal-data: free text", () => {
  const labels = ["numero", "objet"];
  const rows = [
    ["1", "Acquisition d'une bande de terrain appartenant à M. Jean Dupont, domicilié 12 rue des Lilas à Brest"],
    ["2", "Tarifs municipaux 2025 de la restauration scolaire et des salles"],
    ["3", "Rapport présenté par Mme Sylvie Moreau, adjointe à l'urbanisme, sur le budget"],
    ["4", "Signalement de Mme Durand, à rappeler au 06 12 34 56 78 dès que possible"],
  ];

  it("reports cells with row numbers, masked, and in-office names as info", () => {
    const findings = run(labels, rows);
    expect(findings.map((f) => [f.rowNumber, f.code, f.severity])).toEqual([
      [2, "personal-data-person-name", "warning"],
      [4, "personal-data-person-name", "info"],
      [5, "personal-data-person-name", "warning"],
      [2, "personal-data-address", "warning"],
      [5, "personal-data-phone", "warning"],
    ]);
    const json = JSON.stringify(findings);
    for (const raw of ["Dupont", "12 rue des Lilas", "Moreau", "06 12 34 56 78", "Durand"]) expect(json).not.toContain(raw);
  });

  it("can be switched off", () => {
    expect(run(labels, rows, { freeText: false })).toEqual([]);
  });
});

describe("personal-data: real municipal files, right by default", () => {
  // Digit runs inside coordinates that pass a checksum: a Visa number passing Luhn and a NIR
  // passing its key. Opendatasoft prints centroids with up to 16 decimals.
  const visaDecimals = "47.4970101234567893";
  const nirDecimals = "5.184037511200595";

  const cases: { name: string; labels: string[]; rows: string[][]; declared?: { name: string; title?: string; description?: string }[]; expected: [string, string, string][] }[] = [
    {
      name: "Opendatasoft geo_point_2d and geo_shape: decimals are never cards or NIRs",
      labels: ["geo_shape", "geo_point_2d", "nom"],
      rows: repeat(6, (i) => [
        `{"coordinates": [${nirDecimals}, 47.32${i}5], "type": "Point"}`,
        `${visaDecimals}, 5.0${i}12345678912`,
        ["Arceaux Rue du Docteur Roux", "Abri Place du Général de Gaulle", "Consigne Avenue du Maréchal Foch"][i % 3]!,
      ]),
      expected: [],
    },
    {
      name: "WKT, Lambert-93 x/y and IRVE coordonneesXY are geometries",
      labels: ["x", "y", "geom", "coordonneesXY"],
      rows: repeat(6, (i) => [`85321${i}.184037511200595`, "6694512.4970101234567893", `POINT (${nirDecimals} ${visaDecimals})`, `[${nirDecimals}, ${visaDecimals}]`]),
      expected: [],
    },
    {
      name: "titled street, school and equipment names are not persons",
      labels: ["localisation"],
      rows: [
        ["Stationnement rue du Docteur Chaussier"],
        ["Parvis de l'école élémentaire Me Dupont"],
        ["Salle des fêtes M. Jacques Brel, annexe"],
        ["Les Compagnons de Maître Jacques (chorale)"],
        ["Bd du Mal Joffre, angle rue du Dr Schweitzer"],
      ],
      expected: [],
    },
    {
      name: "a person named in prose still is",
      labels: ["objet"],
      rows: [
        ["Cession d'une parcelle à M. Olivier Garnier"],
        ["Demande de Mme Nathalie Fabre pour un abri"],
        ["Objet : Signalement de Mme Durand, voisine"],
        ["Travaux dans la maison de M. Dupont, rue Pasteur"],
      ],
      expected: repeat(4, () => ["objet", "personal-data-person-name", "warning"]),
    },
    {
      name: "first names of a statistics table are categories",
      labels: ["prenom", "sexe", "nombre", "annee"],
      rows: repeat(12, (i) => [["Jade", "Louise", "Gabriel", "Léo"][i % 4]!, i % 4 < 2 ? "F" : "M", `${20 + i}`, `${2020 + (i % 3)}`]),
      expected: [],
    },
    {
      name: "first names next to surnames are persons, count column or not",
      labels: ["nom", "prenom", "nb_enfants"],
      rows: repeat(8, (i) => [["DUPONT", "MARTIN", "PETIT", "DURAND"][i % 4]!, ["Jean", "Sophie", "Luc", "Claire"][i % 4]!, `${i % 3}`]),
      expected: [
        ["nom", "personal-data-person-name", "warning"],
        ["prenom", "personal-data-person-name", "warning"],
      ],
    },
    {
      name: "a schema declaring a count column makes the first names statistics",
      labels: ["ENFANT_PRENOM", "ENFANT_SEXE", "OCC"],
      rows: repeat(12, (i) => [["JADE", "LOUISE", "GABRIEL", "LEO"][i % 4]!, i % 4 < 2 ? "F" : "M", `${20 + i}`]),
      declared: [{ name: "ENFANT_PRENOM", title: "Prénom" }, { name: "ENFANT_SEXE" }, { name: "OCC", title: "Nombre d'occurrences" }],
      expected: [],
    },
    {
      name: "a NIR column the schema declares is a warning, not an error",
      labels: ["code"],
      rows: [["1 84 03 75 112 005 95"], ["2 69 05 2A 004 012 28"], ["184037511200595"]],
      declared: [{ name: "code", title: "Numéro de sécurité sociale" }],
      expected: [["code", "personal-data-nir", "warning"]],
    },
    {
      name: "checksum-verified NIRs are errors whatever the header",
      labels: ["code"],
      rows: [["1 84 03 75 112 005 95"], ["2 69 05 2A 004 012 28"], ["184037511200595"]],
      expected: [["code", "personal-data-nir", "error"]],
    },
    {
      name: "identity documents under a header that only half names them are warnings",
      labels: ["numero_piece_fournie"],
      rows: repeat(5, (i) => [`1${i}AB3456${i}`]),
      expected: [["numero_piece_fournie", "personal-data-id-document", "warning"]],
    },
    {
      name: "coordinates of elected officials' permanence are a public place",
      labels: ["nom", "prenom", "lieu_permanence", "geo_point_2d"],
      rows: repeat(6, (i) => [["DUPONT", "MARTIN", "PETIT"][i % 3]!, ["Jean", "Sophie", "Luc"][i % 3]!, "Place du Général de Gaulle", `47.32${i}123, 5.04${i}456`]),
      expected: [
        ["nom", "personal-data-person-name", "warning"],
        ["prenom", "personal-data-person-name", "warning"],
      ],
    },
    {
      name: "coordinates geocoding the homes of a register of persons are personal",
      labels: ["nom", "prenom", "adresse_domicile", "latitude", "longitude"],
      rows: repeat(6, (i) => [["DUPONT", "MARTIN", "PETIT"][i % 3]!, ["Jean", "Sophie", "Luc"][i % 3]!, `${i + 2} rue des Lilas`, `47.32${i}123`, `5.04${i}456`]),
      expected: [
        ["nom", "personal-data-person-name", "warning"],
        ["prenom", "personal-data-person-name", "warning"],
        ["adresse_domicile", "personal-data-address", "warning"],
        ["latitude", "personal-data-coordinates", "warning"],
        ["longitude", "personal-data-coordinates", "warning"],
      ],
    },
    {
      name: "a few private mailboxes and mobiles among role mailboxes and switchboards are personal",
      labels: ["contact_amenageur", "telephone_operateur"],
      rows: repeat(12, (i) => [
        i % 5 === 1 ? `gerant${i}.dupont@gmail.com` : ["contact@recharge-x.fr", "support@izivia.example", "hotline@sde21.example"][i % 3]!,
        i % 5 === 1 ? `06 12 34 5${i % 10} 7${i % 10}` : "0 800 950 001",
      ]),
      expected: [
        ["contact_amenageur", "personal-data-email", "warning"],
        ["telephone_operateur", "personal-data-phone", "warning"],
      ],
    },
    {
      name: "service mailboxes of companies alone are not personal",
      labels: ["c_expt_email"],
      rows: repeat(9, (i) => [["maintenance@locamed.example", "dae@ville-dijon.example", "sav@defib.example"][i % 3]!]),
      expected: [],
    },
    {
      name: "school mailboxes named after their UAI code and fixed lines of schools are not personal",
      labels: ["nom_etablissement", "telephone", "mail"],
      rows: repeat(6, (i) => [`Ecole maternelle ${["Docteur Roux", "Me Dupont", "Général Delaborde"][i % 3]}`, `03 80 4${i} 1${i} 2${i}`, `ce.021012${i}a@ac-dijon.fr`]),
      expected: [],
    },
  ];

  it.each(cases)("$name", ({ labels, rows, declared, expected }) => {
    const findings = runChecks([personalDataCheck], { labels, rows, declaredFields: declared });
    expect(findings.map((f) => [f.fieldName, f.code, f.severity])).toEqual(expected);
  });

  it("says when the schema declares the column", () => {
    const [f] = runChecks(
      [personalDataCheck],
      { labels: ["code"], rows: [["1 84 03 75 112 005 95"], ["184037511200595"]], declaredFields: [{ name: "code", title: "NIR" }] },
      { lang: "en" },
    );
    expect(f?.messageId).toBe("nirColumnDeclared");
    expect(f?.data.declaredBy).toBe("code");
  });

  it("does not take a column's name for a declaration when no schema is given", () => {
    const [f] = run(["nir"], [["1 84 03 75 112 005 95"], ["184037511200595"]]);
    expect([f?.messageId, f?.severity]).toEqual(["nirColumn", "error"]);
  });
});
