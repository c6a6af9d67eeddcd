import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadLexicon, personOn, type Lexicon, type PersonEntry } from "./index.js";

describe("people.json", () => {
  let lex: Lexicon;
  let byName: Map<string, PersonEntry>;
  before(() => {
    lex = loadLexicon();
    byName = new Map(lex.people.map((p) => [p.name, p]));
  });

  const at = (name: string, date: string) => {
    const p = byName.get(name);
    assert.ok(p, `no entry for ${name}`);
    const r = personOn(p, date);
    return `${r.country}/${r.sector}`;
  };

  it("gives no surface form to two people", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of lex.people) {
      for (const f of new Set([p.name, ...(p.aliases ?? [])].map((x) => x.toLowerCase()))) {
        const other = owner.get(f);
        if (other !== undefined && other !== p.name) clashes.push(`"${f}": ${other} / ${p.name}`);
        owner.set(f, p.name);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it("gives no person a form that is a country, demonym, capital, IGO or group name", () => {
    const taken = new Set<string>();
    for (const c of lex.countries) for (const f of [...c.names, ...c.demonyms, ...c.capitals]) taken.add(f.toLowerCase());
    for (const o of lex.igos) for (const f of o.names) taken.add(f.toLowerCase());
    for (const g of lex.groups) for (const f of g.names) taken.add(f.toLowerCase());
    const bad = lex.people.flatMap((p) => [p.name, ...(p.aliases ?? [])].filter((f) => taken.has(f.toLowerCase())).map((f) => `${p.name}: ${f}`));
    assert.deepEqual(bad, []);
  });

  it("leaves out aliases that are common words or shared names", () => {
    const banned = ["khan", "ali", "kim", "lee", "wang", "li", "singh", "sharif", "gandhi", "bhutto", "may", "price", "johnson", "harris", "aoun", "duterte", "barzani", "rajapaksa"];
    const all = new Set(lex.people.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((f) => f.toLowerCase())));
    for (const b of banned) assert.ok(!all.has(b), `"${b}" is a person's form`);
  });

  it("lists each person's periods in order, without overlaps", () => {
    for (const p of lex.people) {
      let lastTo: string | undefined;
      p.periods?.forEach((per, i) => {
        if (i > 0) {
          assert.ok(per.from, `${p.name}: period ${i} has no start`);
          assert.ok(lastTo && per.from >= lastTo, `${p.name}: period ${i} overlaps the one before`);
        }
        lastTo = per.to ?? "9999-12-31";
      });
    }
  });

  it("dates changes of office and side", () => {
    assert.equal(at("Donald Trump", "2019-05-01"), "USA/GOV");
    assert.equal(at("Donald Trump", "2023-05-01"), "USA/OPP");
    assert.equal(at("Donald Trump", "2025-06-01"), "USA/GOV");
    assert.equal(at("Joe Biden", "2022-01-01"), "USA/GOV");
    assert.equal(at("Benjamin Netanyahu", "2022-01-01"), "ISR/OPP");
    assert.equal(at("Benjamin Netanyahu", "2024-01-01"), "ISR/GOV");
    assert.equal(at("Shehbaz Sharif", "2021-01-01"), "PAK/OPP");
    assert.equal(at("Shehbaz Sharif", "2022-04-11"), "PAK/GOV");
    assert.equal(at("Imran Khan", "2022-04-09"), "PAK/GOV");
    assert.equal(at("Imran Khan", "2022-04-10"), "PAK/OPP");
    assert.equal(at("Ahmed al-Sharaa", "2024-01-01"), "SYR/REB");
    assert.equal(at("Ahmed al-Sharaa", "2025-01-01"), "SYR/GOV");
    assert.equal(at("Bashar al-Assad", "2024-12-07"), "SYR/GOV");
    assert.equal(at("Aung San Suu Kyi", "2020-01-01"), "MMR/GOV");
    assert.equal(at("Aung San Suu Kyi", "2022-01-01"), "MMR/OPP");
    assert.equal(at("Lee Jae-myung", "2025-06-03"), "KOR/OPP");
    assert.equal(at("Lee Jae-myung", "2025-06-04"), "KOR/GOV");
    assert.equal(at("Pushpa Kamal Dahal", "2023-06-01"), "NPL/GOV");
    assert.equal(at("Pushpa Kamal Dahal", "2024-08-01"), "NPL/OPP");
    assert.equal(at("Sheikh Hasina", "2024-08-04"), "BGD/GOV");
    assert.equal(at("Hibatullah Akhundzada", "2020-01-01"), "AFG/REB");
    assert.equal(at("Hibatullah Akhundzada", "2022-01-01"), "AFG/GOV");
    assert.equal(at("Mohamed Hamdan Dagalo", "2024-01-01"), "SDN/REB");
    assert.equal(at("Ursula von der Leyen", "2018-01-01"), "DEU/MIL");
    assert.equal(at("Ursula von der Leyen", "2021-01-01"), "IGO/IGO");
    assert.equal(at("Mark Rutte", "2023-01-01"), "NLD/GOV");
    assert.equal(at("Mark Rutte", "2025-01-01"), "IGO/IGO");
    assert.equal(at("King Charles III", "2023-01-01"), "GBR/GOV");
  });

  it("codes the actors the guideline names", () => {
    assert.equal(at("Yahya Sinwar", "2024-01-01"), "PSE/REB");
    assert.equal(at("Hassan Nasrallah", "2023-01-01"), "LBN/REB");
    assert.equal(at("Abdul-Malik al-Houthi", "2024-01-01"), "YEM/REB");
    assert.equal(at("Ishaq Dar", "2024-06-09"), "PAK/GOV");
    assert.equal(at("Ali Bagheri Kani", "2024-06-09"), "IRN/GOV");
    assert.equal(at("Rajnath Singh", "2023-01-01"), "IND/MIL");
    assert.equal(at("Pope Francis", "2020-01-01"), "VAT/REL");
    assert.equal(at("Karim Khan", "2023-01-01"), "IGO/IGO");
    assert.ok(byName.get("Ishaq Dar")?.aliases?.includes("Dar"));
    assert.ok(byName.get("Recep Tayyip Erdoğan")?.aliases?.includes("Erdogan"));
    assert.ok(byName.get("Recep Tayyip Erdoğan")?.aliases?.includes("Erdoğan"));
    assert.ok(byName.get("Elmedin Konaković")?.aliases?.includes("Elmedin Konakovic"));
  });
});
