/** Window event fired when conversations change (a turn finished, renamed, deleted). */
export const CONVERSATIONS_CHANGED = "mnemo:conversations-changed";
