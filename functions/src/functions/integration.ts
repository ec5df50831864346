import { httpRouter } from "../edge/http.js";
import { PARTNER_API_ROUTES } from "../edge/partnerApi.js";

/** The program's partner API for digital platforms and training institutions: `/api/v1/integration/payment/…` (edge/partnerApi.ts). */
export const integration = httpRouter(PARTNER_API_ROUTES);
