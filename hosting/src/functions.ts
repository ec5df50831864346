import { connectFunctionsEmulator, getFunctions } from "firebase/functions";
import { app, onEmulators, REGION } from "./firebase.js";

/** Callable functions, loaded only by the pages that call them (the admin page for now). */
export const functions = getFunctions(app, REGION);

if (onEmulators) connectFunctionsEmulator(functions, "127.0.0.1", 5001);
