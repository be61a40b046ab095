// The notice lives with the leads capability; this path stays for the landing page's imports.
export { PRIVACY_NOTICE } from "../leads/privacy-notice";
