/**
 * The Kemendagri decree editions the region data is built from, oldest first; the last one is
 * today's. Each CSV (`code,name,level`) was extracted from the SQL dumps of the repository below,
 * as ../shared/data/wilayah/README.md tells. The SHA-256 pins the exact file, so the committed
 * data can always be traced to its input: `npm run regions:generate` refuses a file that differs.
 */
export const SOURCE_REPOSITORY = "https://github.com/cahyadsn/wilayah";
export const SOURCE_COMMIT = "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7";
export const SOURCE_LICENCE = "MIT License, Copyright (c) 2017-2025 Cahya DSN";

export interface Edition {
  /** The year the edition is known by; also names the file `districts-<year>.csv`. */
  year: number;
  decree: string;
  /** The file of the source repository, at SOURCE_COMMIT, the CSV was extracted from. */
  sourceFile: string;
  sha256: string;
}

export const EDITIONS: readonly Edition[] = [
  {
    year: 2016,
    decree: "Permendagri No. 56 Tahun 2015",
    sourceFile: "db/archive/wilayah_2016.sql",
    sha256: "997335cdda403847ed2a9e6e310931aea4f6a8ecc04d05dfc2163bcdedb52a9a",
  },
  {
    year: 2018,
    decree: "Permendagri No. 137 Tahun 2017",
    sourceFile: "db/archive/wilayah_2018.sql",
    sha256: "cf04eab1349e5c2bb612a0b7deb8e4380202819762a68b1eb96371eb29fb6f74",
  },
  {
    year: 2020,
    decree: "Permendagri No. 72 Tahun 2019 (revised by Kepmendagri No. 146.1-4717 Tahun 2020)",
    sourceFile: "db/archive/wilayah_2020.sql",
    sha256: "a8a0b12d140bad0d08475f172edb42a9818da7bbe42993a9b4701374744742dd",
  },
  {
    year: 2022,
    decree: "Permendagri No. 58 Tahun 2021 (revised by Kepmendagri No. 050-145 Tahun 2022)",
    sourceFile: "db/archive/wilayah_2022.sql",
    sha256: "3e1db73c1ab562fc82103fff3024e67719b120070f6301096dff28ac4cf10b32",
  },
  {
    year: 2023,
    decree: "Kepmendagri No. 100.1.1-6117 Tahun 2022",
    sourceFile: "db/archive/wilayah_2023.sql",
    sha256: "71dbb9ce36e88ec683f4f237f9bd4424b46e92410942283f1ece8c46a5f74d32",
  },
  {
    year: 2025,
    decree: "Kepmendagri No. 300.2.2-2430 Tahun 2025 (amends No. 300.2.2-2138 Tahun 2025)",
    sourceFile: "db/wilayah.sql",
    sha256: "537b8b7103c4a4d55b9b304b7efe452a851144f4298f5b97f37094e52333e065",
  },
];
