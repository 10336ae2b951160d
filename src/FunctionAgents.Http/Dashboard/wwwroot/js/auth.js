// The caller's API key lives in sessionStorage: this tab only, gone when the tab closes or the user signs out.
const KeyName = 'functionagents.apiKey';
const ApproverName = 'functionagents.approver';

export const auth = {
  get key() { return sessionStorage.getItem(KeyName); },
  signIn(key) { sessionStorage.setItem(KeyName, key); },
  signOut() { sessionStorage.removeItem(KeyName); },
  get approver() { return sessionStorage.getItem(ApproverName) ?? ''; },
  set approver(name) { sessionStorage.setItem(ApproverName, name); },
};
