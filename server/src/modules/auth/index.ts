export { authenticate } from "./auth.middleware";
export { authRoutes, publicAuthRoutes } from "./auth.routes";
export { apiTokens, sessions } from "./auth.tables";
export { currentActor, currentActors } from "./recheck";
export { SESSION_ENDED, type SessionEnded } from "./sessions.service";
