import "./wallboard.events";

export { FLOOR_CHANNEL, signalFloor } from "./floor-signal";
export { wallboardRoutes } from "./wallboard.routes";
