import { describe, expect, it } from "vitest";
import { DOUBTFUL_THRESHOLD, MATCH_THRESHOLD, SPELLING_FLOOR, matchName, nameWords } from "../../functions/src/domain/payouts/nameMatch.js";

/**
 * The holder's name a bank or e-wallet answers against the name the person registered with
 * (from the KTP). `match` pays, `doubtful` waits for an operator, `mismatch` refuses the account.
 */

const verdictOf = (registered: string, holder: string) => matchName(registered, holder).verdict;

describe("nameMatch: the same person, written as banks write names", () => {
  it.each([
    ["exactly", "Budi Santoso", "BUDI SANTOSO"],
    ["in another case, with stray spaces and a full stop", "Budi Santoso", "budi  santoso."],
    ["with an apostrophe the bank leaves out", "Siti Nur'aini", "SITI NURAINI"],
    ["with the apostrophe's word split by the bank", "Siti Nur'aini", "SITI NUR AINI"],
    ["with a typographic apostrophe", "Ma\u2019ruf Amin", "MARUF AMIN"],
    ["with accents", "José Mourinho", "JOSE MOURINHO"],
    ["with titles registered and none at the bank", "Ir. H. Budi Santoso, S.Kom", "BUDI SANTOSO"],
    ["with titles at the bank and none registered", "Budi Santoso", "IR H BUDI SANTOSO SKOM"],
    ["with religious and academic titles", "Hj. Siti Aminah, S.Pd", "SITI AMINAH"],
    ["with stacked titles", "Dr. Ir. Bambang Sutrisno, M.T.", "BAMBANG SUTRISNO"],
    ["with Muhammad spelt Muhamad", "Muhammad Rizki Pratama", "MUHAMAD RIZKI PRATAMA"],
    ["with Muhammad written Moch", "Muhammad Rizki Pratama", "MOCH RIZKI PRATAMA"],
    ["with Mochammad registered and Muhammad at the bank", "Mochammad Rizki Pratama", "MUHAMMAD RIZKI PRATAMA"],
    ["with Muhammad reduced to an initial", "Muhammad Rizki Pratama", "M. RIZKI PRATAMA"],
    ["with a given name reduced to an initial", "Ahmad Fauzi", "A. FAUZI"],
    ["with one word's vowel spelt otherwise", "Budi Santoso", "BUDI SANTOSA"],
    ["with an extra letter in a long word", "Eko Prasetyo", "EKO PRASETIYO"],
    ["with two words in swapped order", "Budi Santoso", "SANTOSO BUDI"],
    ["with two of three words swapped", "Dewi Lestari Wulandari", "DEWI WULANDARI LESTARI"],
  ])("when the holder's name is the registered one %s, then it is a match", (_, registered, holder) => {
    expect(matchName(registered, holder)).toMatchObject({ verdict: "match" });
  });

  it("when the bank cuts a long name at 30 characters inside a word, then it is a match", () => {
    const registered = "Raden Ajeng Kartika Dewi Sekarwangi Putri";
    const cut = registered.toUpperCase().slice(0, 30);
    expect(cut).toBe("RADEN AJENG KARTIKA DEWI SEKAR");
    expect(matchName(registered, cut)).toMatchObject({ verdict: "match" });
    expect(matchName(registered, registered.toUpperCase().slice(0, 35))).toMatchObject({ verdict: "match" });
  });

  it("when the bank cuts a long name at 30 characters just after a word, then it is a match, though the trailing space is gone", () => {
    const registered = "Yohanes Krisna Ade Putra Rama Saputra";
    const cut = registered.toUpperCase().slice(0, 30);
    expect(cut).toBe("YOHANES KRISNA ADE PUTRA RAMA ");
    expect(matchName(registered, cut)).toMatchObject({ verdict: "match" });
    expect(matchName(registered, cut.trim())).toMatchObject({ verdict: "match" });
  });
});

describe("nameMatch: someone else", () => {
  it("when the holder is a different person with the same first name, then it is a mismatch", () => {
    expect(matchName("Budi Santoso", "BUDI HARTONO")).toMatchObject({ verdict: "mismatch" });
    expect(matchName("Budi Santoso", "BAMBANG SANTOSO")).toMatchObject({ verdict: "mismatch" });
    expect(matchName("Ahmad Fauzi", "ANDI FAUZI")).toMatchObject({ verdict: "mismatch" });
  });

  it("when the holder shares two long first names and differs in a short last name, then it is never a match", () => {
    // WAHID and HAMID are 0.6 alike letter by letter: two names, not two spellings of one.
    expect(verdictOf("Muhammad Abdurrahman Wahid", "MUHAMMAD ABDURRAHMAN HAMID")).toBe("doubtful");
  });

  it("when the holder's name has a whole word more than the registered one, then it is never a match", () => {
    expect(verdictOf("Budi Santoso", "BUDI SANTOSO WIJAYA")).toBe("doubtful");
    expect(verdictOf("Agus", "AGUS SALIM")).toBe("doubtful");
    expect(verdictOf("Siti Aminah", "SITI AMINAH BINTI ABDUL ROHMAN")).toBe("mismatch");
  });

  it("when the holder's name lacks a word of the registered name, then it is no match", () => {
    expect(verdictOf("Budi Santoso", "BUDI")).toBe("mismatch");
    expect(verdictOf("Muhammad Rizki Pratama", "RIZKI PRATAMA")).toBe("mismatch");
  });

  it("when the names are completely different, then it is a mismatch with a score of 0", () => {
    expect(matchName("Budi Santoso", "SRI WAHYUNI")).toEqual({ score: 0, verdict: "mismatch" });
  });

  it("when either name is empty, or only titles and punctuation, then it is a mismatch with a score of 0", () => {
    expect(matchName("Budi Santoso", "")).toEqual({ score: 0, verdict: "mismatch" });
    expect(matchName("", "BUDI SANTOSO")).toEqual({ score: 0, verdict: "mismatch" });
    expect(matchName("   ", "   ")).toEqual({ score: 0, verdict: "mismatch" });
    expect(matchName("Budi Santoso", "Ir. H., S.Kom")).toEqual({ score: 0, verdict: "mismatch" });
  });
});

describe("nameMatch: the thresholds at their edges", () => {
  it("when the score is exactly the match threshold, then it is a match; just under, doubtful", () => {
    // One letter of ten: 0.9. One of eight: 0.875.
    expect(matchName("Kurniawati", "KURNIAWATY")).toEqual({ score: MATCH_THRESHOLD, verdict: "match" });
    expect(matchName("Hidayati", "HIDAYATY")).toEqual({ score: 0.875, verdict: "doubtful" });
  });

  it("when the score is exactly the doubtful threshold, then it is doubtful; just under, a mismatch", () => {
    // Two extra words on a perfect match: 1 − 2 × 0.15.
    expect(matchName("Siti Aminah", "SITI AMINAH BINTI ABDULLAH")).toEqual({ score: DOUBTFUL_THRESHOLD, verdict: "doubtful" });
    // A missing word of 3 letters in 10: 0.7; of 4 in 11: 0.636.
    expect(matchName("Santoso Adi", "SANTOSO")).toEqual({ score: DOUBTFUL_THRESHOLD, verdict: "doubtful" });
    expect(matchName("Santoso Budi", "SANTOSO")).toMatchObject({ verdict: "mismatch" });
  });

  it("when two words are exactly as alike as the spelling floor, then they count as one word spelt two ways; less alike, as two words", () => {
    // SUKARNO/SOEKARNO (the old spelling): 2 edits in 8 letters, 0.75.
    expect(matchName("Sukarno", "SOEKARNO")).toEqual({ score: SPELLING_FLOOR, verdict: "doubtful" });
    expect(matchName("Budi Santoso", "BUDY SANTOSO")).toMatchObject({ verdict: "match" });
    // RIZKI/RISKY: 2 edits in 5 letters, 0.6: the word is missed, not half-matched.
    expect(matchName("Muhammad Rizki Pratama", "MUHAMMAD RISKY PRATAMA")).toEqual({ score: 0.75, verdict: "doubtful" });
  });

  it("when any two names are compared, then the score is within 0–1 and the verdict follows it", () => {
    const names = ["Budi Santoso", "BUDI", "Siti Nur'aini", "M. Rizki", "Ir. H.", "", "Raden Ajeng Kartika Dewi Sekarwangi Putri", "A B C D E F"];
    for (const registered of names) {
      for (const holder of names) {
        const { score, verdict } = matchName(registered, holder);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(verdict).toBe(score >= MATCH_THRESHOLD ? "match" : score >= DOUBTFUL_THRESHOLD ? "doubtful" : "mismatch");
      }
    }
  });
});

describe("nameWords", () => {
  it("when a name is normalised, then titles go, Muhammad is one word, dotted titles are joined, apostrophes vanish", () => {
    expect(nameWords("Ir. H. Muhammad Nur'aini, S.Kom., A.Md.Keb")).toEqual(["MUHAMMAD", "NURAINI"]);
    expect(nameWords("Mohd. Ali")).toEqual(["MUHAMMAD", "ALI"]);
    expect(nameWords("  ")).toEqual([]);
  });
});
