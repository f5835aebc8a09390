export { activeUser, activeUsersByIds, changeOwnPassword, loginCandidates, updateOwnProfile } from "./credentials";
export { presentUser } from "./staff.present";
export {
  activeStaff,
  activeStaffPage,
  activeTeamMemberIds,
  existingTeamIds,
  findUser,
  type StaffContact,
  staffNames,
  teamNames,
  teamNamesById,
  teamsWithMembers,
} from "./staff.queries";
export { staffRoutes } from "./staff.routes";
export { teamMembers, teams, users } from "./staff.tables";
export { createTeam, TEAM_MEMBERS_CHANGED, type TeamMembersChanged } from "./teams.service";
export {
  createUser,
  findUserByEmail,
  setUserPassword,
  USER_ACCESS_CHANGED,
  USER_DEACTIVATED,
  type UserRow,
} from "./users.service";
