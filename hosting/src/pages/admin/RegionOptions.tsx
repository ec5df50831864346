import { regionName } from "../../format.js";

/** The `<option>`s of a region select: each official name with its code ("Kota Bandung (3273)"), valued by the code. */
export function RegionOptions({ regions }: { regions: ReadonlyArray<{ code: string; name: string }> }) {
  return (
    <>
      {regions.map((region) => (
        <option key={region.code} value={region.code}>
          {regionName(region.name)} ({region.code})
        </option>
      ))}
    </>
  );
}
