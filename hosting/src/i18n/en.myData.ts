import type { idMyData } from "./id.myData.js";

/** English: the right of access on the status page (pages/status/DownloadMyData.tsx). */
export const enMyData: Record<keyof typeof idMyData, string> = {
  "myData.title": "Your data",
  "myData.intro":
    "Download everything the program holds about you (your registration with NIK, KK, name, mobile number and birth date, your history, trainings, incentives, account, reports and notifications) as one JSON file. Keep the file somewhere safe: it holds your personal data.",
  "myData.download": "Download my data",
  "myData.busy": "Preparing…",
  "myData.saved": "The file {file} has been saved.",
  "myData.unauthenticated": "Your session has ended. Please sign in again.",
  "myData.other": "Your data could not be downloaded. Check your connection, then try again.",
};
