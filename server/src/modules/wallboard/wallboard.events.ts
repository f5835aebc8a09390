import { domainEvents } from "../../platform/events";
import { ESCALATION_CHANGED, ESCALATION_CREATED } from "../escalations";
import { AGENT_PRESENCE_CHANGED, AGENT_SETTINGS_CHANGED } from "../routing";
import { SLA_BREACHED, SLA_WARNING } from "../sla";
import { TEAM_MEMBERS_CHANGED, USER_DEACTIVATED } from "../staff";
import { TICKET_CHANGED, TICKET_CREATED, TICKET_MESSAGE_ADDED } from "../tickets";
import { signalFloor } from "./floor-signal";

// Whatever the wallboard shows moves with one of these; each signals the organisation's watchers in
// the transaction of the change, so they hear of it exactly when it commits (and never if it does not).
const MOVES_THE_FLOOR = [
  TICKET_CREATED,
  TICKET_CHANGED,
  TICKET_MESSAGE_ADDED,
  SLA_WARNING,
  SLA_BREACHED,
  ESCALATION_CREATED,
  ESCALATION_CHANGED,
  AGENT_PRESENCE_CHANGED,
  AGENT_SETTINGS_CHANGED,
  TEAM_MEMBERS_CHANGED,
  USER_DEACTIVATED,
];

for (const name of MOVES_THE_FLOOR) domainEvents.on(name, (s) => signalFloor(s));
