import { doc, getDoc } from "firebase/firestore/lite";
import { dashboardDoc, regionTargetDoc, type DashboardDoc, type RegionTargetDoc } from "@schemas/dashboard.js";
import { withDates } from "@schemas/timestamps.js";
import { collectionOf } from "./documents.js";

export interface DashboardView {
  /** Null until the rollup has counted the region (it runs every 15 minutes). */
  dashboard: DashboardDoc | null;
  target: RegionTargetDoc | null;
}

/**
 * One region's dashboard and target, read straight from Firestore (two document reads a view):
 * the rules let an operator read their own region's only, the program office and auditors all.
 */
export async function loadDashboard(scope: string): Promise<DashboardView> {
  const [dashboard, target] = await Promise.all([getDoc(doc(collectionOf("dashboards"), scope)), getDoc(doc(collectionOf("regionTargets"), scope))]);
  return {
    dashboard: dashboard.exists() ? dashboardDoc.parse(withDates(dashboard.data())) : null,
    target: target.exists() ? regionTargetDoc.parse(withDates(target.data())) : null,
  };
}
